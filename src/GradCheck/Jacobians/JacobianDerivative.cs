using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Jacobians;

/// <summary>
/// The Jacobian of f: R^n -> R^m, checked as an (m, n) matrix J[i,j] = ∂f[i]/∂x[j], every input moved
/// alone so that each evaluation gives a whole column (<see cref="JacobianDifference"/>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class JacobianDerivative<T> : IVectorDerivative<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The name the Jacobian is reported under, as in <c>J[2,3]</c>.</summary>
    public const string Name = "J";

    private readonly T[] x;
    private readonly T[,] jacobian;

    /// <param name="x">The point; read, never written.</param>
    /// <param name="jacobian">The analytic Jacobian, (m, n).</param>
    public JacobianDerivative(T[] x, T[,] jacobian)
    {
        this.x = x;
        this.jacobian = jacobian;
        Analytic = Flatten(jacobian);
    }

    /// <inheritdoc />
    public string FunctionName => "f";

    /// <inheritdoc />
    public string Noun => "Jacobian";

    /// <inheritdoc />
    public string ReportName => Name;

    /// <inheritdoc />
    public double NominalStep(DifferenceMethod method) => StepSize.RelativeStep<T>(method);

    /// <inheritdoc />
    public double[] Analytic { get; }

    /// <inheritdoc />
    public void ThrowIfOutputsDoNotFit(int outputs) => ThrowIfShapesDiffer(jacobian, outputs, x.Length);

    /// <inheritdoc />
    public int[] Shape(int outputs) => [outputs, x.Length];

    /// <inheritdoc />
    public VectorDifferentiation Differentiate(VectorFunction<T> function, double[] given, DifferenceMethod method, NumericalGradient into, ProgressMeter meter)
    {
        JacobianDifference.Differentiate(function, x, given, method, into, meter);
        int perInput = method == DifferenceMethod.CentralTwoPoint ? CentralDifference.EvaluationsPerEntry : Stencil.Multiples.Length;
        return new VectorDifferentiation(
            StepSize.RelativeStep<T>(method),
            string.Create(CultureInfo.InvariantCulture,
                $"{perInput} per input x[j], moved alone, each giving a whole column J[:,j], and 3 at the given x; the round-off of f[i] is counted on at least Σ_j |n[i,j] x[j]|, the size of the terms it sums"));
    }

    /// <inheritdoc />
    public CheckSubject Subject(int outputs, DifferenceMethod method, VectorDifferentiation? differentiation) => new(
        "Jacobian",
        Noun,
        FunctionName,
        heading: string.Create(CultureInfo.InvariantCulture, $"J[i,j] = ∂f[i]/∂x[j]: row i is output f[i] of {outputs}, column j is input x[j] of {x.Length}"),
        evaluations: differentiation?.Evaluations);

    /// <summary>Throws unless the Jacobian is (outputs of f, entries of x), naming both shapes.</summary>
    private static void ThrowIfShapesDiffer(T[,] jacobian, int outputs, int inputs)
    {
        int rows = jacobian.GetLength(0);
        int columns = jacobian.GetLength(1);
        if (rows == outputs && columns == inputs)
        {
            return;
        }

        if (outputs == 0)
        {
            throw new ArgumentException("f returned no values at the given x: there is no Jacobian to check.");
        }

        // PyTorch's gradcheck lays its numerical Jacobian out as (inputs, outputs); the mathematical layout,
        // which FiniteDifferences.jl's jacobian and JAX's jacfwd return, is (outputs, inputs).
        string transposed = rows == inputs && columns == outputs
            ? " It has the shape of the transpose, (inputs, outputs), as PyTorch's gradcheck lays it out; transpose it."
            : string.Empty;
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture,
                $"The Jacobian is ({rows}, {columns}) but must be ({outputs}, {inputs}): J[i,j] = ∂f[i]/∂x[j] has one row per output of f(x) ({outputs}) and one column per entry of x ({inputs}).{transposed}"),
            nameof(jacobian));
    }

    private static double[] Flatten(T[,] matrix)
    {
        int rows = matrix.GetLength(0);
        int columns = matrix.GetLength(1);
        var flat = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                flat[(i * columns) + j] = double.CreateTruncating(matrix[i, j]);
            }
        }

        return flat;
    }
}
