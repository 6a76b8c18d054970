using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Jacobians;

/// <summary>
/// One Jacobian check, start to end: validate, evaluate f at x (twice, to catch a function that is not
/// deterministic), differentiate column by column, evaluate once more, compare entry by entry, report.
/// </summary>
internal static class JacobianRun
{
    /// <summary>The name the Jacobian is reported under, as in <c>J[2,3]</c>.</summary>
    public const string Name = "J";

    public static GradientCheckReport Run<T>(Func<T[], T[]> f, T[] x, T[,] jacobian, GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
    {
        VectorArguments.ThrowIfEmptyOrNotFinite(x, "x", nameof(x));
        VectorArguments.ThrowIfTensorsSelected(options, "Jacobian");
        double epsilon = MachineEpsilon.Of<T>();
        var function = new VectorFunction<T>(f, "f", x.Length, options.CancellationToken);
        double[] given = function.Evaluate(x, "the given x (before any perturbation)");
        int m = given.Length;
        int n = x.Length;
        ThrowIfShapesDiffer(jacobian, m, n);

        string type = TypeNames.Friendly(typeof(T));
        var method = new NumericalMethod(type, options.Method, StepSize.RelativeStep<T>(options.Method), epsilon);
        var subject = new CheckSubject(
            "Jacobian",
            "Jacobian",
            "f",
            heading: string.Create(CultureInfo.InvariantCulture, $"J[i,j] = ∂f[i]/∂x[j]: row i is output f[i] of {m}, column j is input x[j] of {n}"));
        var obstacles = new List<CheckObstacle>();
        double[] again = function.Evaluate(x, "the given x (evaluated a second time)");
        Add(obstacles, GivenPointObstacles.NotFinite(given, function.Name, subject.Noun));
        if (obstacles.Count == 0)
        {
            Add(obstacles, GivenPointObstacles.NotDeterministic(given, again, function.Name, subject.Noun, "evaluated twice at the given x", epsilon));
        }

        if (obstacles.Count > 0)
        {
            return new GradientCheckReport([], obstacles, method, options, double.NaN, function.Evaluations, subject);
        }

        var numeric = new NumericalGradient(m * n);
        JacobianDifference.Differentiate(function, x, given, options.Method, numeric);
        double[] after = function.Evaluate(x, "the given x (after the check)");
        Add(obstacles, GivenPointObstacles.NotDeterministic(given, after, function.Name, subject.Noun, "at the start of the check and again at its end", epsilon));

        var rule = new ComparisonRule(options.Tolerance, epsilon, options.KinksFail);
        TensorReport tensor = GradientComparison.Compare(Name, [m, n], Flatten(jacobian), numeric, rule, options.WorstEntriesShown);
        int perInput = options.Method == DifferenceMethod.CentralTwoPoint ? CentralDifference.EvaluationsPerEntry : Stencil.Multiples.Length;
        string stencil = options.Method == DifferenceMethod.CentralTwoPoint ? "x[j] ± h" : "x[j] ± h, ± 2h, ± 4h";
        List<string> notes =
        [
            string.Create(CultureInfo.InvariantCulture,
                $"Each input alone is moved to {stencil}; each evaluation of f there gives a whole column J[:,j] ({perInput} evaluations per input, 3 at the given x); the round-off of f[i] is counted on at least Σ_j |n[i,j] x[j]|, the size of the terms it sums"),
        ];
        if (function.NonFiniteNote() is { } nonFinite)
        {
            notes.Add(nonFinite);
        }

        return new GradientCheckReport([tensor], obstacles, method, options, double.NaN, function.Evaluations, subject)
        {
            Notes = notes,
        };
    }

    /// <summary>Throws unless the Jacobian is (outputs of f, entries of x), naming both shapes.</summary>
    private static void ThrowIfShapesDiffer<T>(T[,] jacobian, int outputs, int inputs)
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

    private static double[] Flatten<T>(T[,] matrix)
        where T : IFloatingPointIeee754<T>
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

    private static void Add(List<CheckObstacle> obstacles, CheckObstacle? obstacle)
    {
        if (obstacle is not null)
        {
            obstacles.Add(obstacle);
        }
    }
}
