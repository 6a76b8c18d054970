using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Running;

namespace GradCheck.Jacobians;

/// <summary>
/// The numerical Jacobian, column by column: each input x[j] is perturbed alone to the points of the
/// stencil, and every evaluation there yields the whole output vector, so one perturbation of x[j]
/// serves all m entries J[0..m-1, j] (6 evaluations per input with <see cref="DifferenceMethod.Richardson"/>,
/// 2 with <see cref="DifferenceMethod.CentralTwoPoint"/>, whatever m is). PyTorch's gradcheck and
/// FiniteDifferences.jl's <c>jacobian</c> build the matrix the same way; each entry then goes through
/// the same per-entry mathematics as a gradient entry (<see cref="RichardsonEstimate"/>,
/// <see cref="CentralEstimate"/>), with f[i] in the place of the cost.
/// </summary>
/// <remarks>
/// One difference from a cost: the round-off of an output. A cost is typically as large as the terms
/// it sums (a loss), so the rule counts ulps of |J|. An output often is not: f[i] = tanh(w·x + b) near 0,
/// or a row of a linear map whose terms cancel, rounds at the size of its terms |J[i,j] x[j]| while its
/// value is far smaller, and with ulps of |f[i]| alone about one check in a thousand of such layers failed
/// a correct Jacobian in double and many entries were called kinks. The whole row is known here, so each
/// output's round-off is counted on at least Σ_j |n[i,j] x[j]|, the size of the first-order terms through
/// which x enters f[i] (exactly the terms a linear map sums, and, through tanh', those of a dense layer).
/// </remarks>
internal static class JacobianDifference
{
    /// <summary>Fills <paramref name="into"/>, row-major (m, n): entry [i, j] at i n + j.</summary>
    /// <param name="function">f, which has been evaluated at x already.</param>
    /// <param name="x">The point; read, never written (the perturbed points are built in a copy).</param>
    /// <param name="given">f(x), in double: the centre of every stencil.</param>
    /// <param name="method">The difference rule.</param>
    /// <param name="into">Where the m n estimates go.</param>
    /// <param name="meter">Counts the entries done, m per input moved.</param>
    public static void Differentiate<T>(VectorFunction<T> function, T[] x, double[] given, DifferenceMethod method, NumericalGradient into, ProgressMeter meter)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        int m = given.Length;
        ReadOnlySpan<int> multiples = method == DifferenceMethod.CentralTwoPoint ? Stencil.Multiples[..2] : Stencil.Multiples;
        double relativeStep = StepSize.RelativeStep<T>(method);

        // outputs[j][k]: f with x[j] at the k-th point of the stencil; points[j][k]: that point, in double.
        var outputs = new double[n][][];
        var points = new double[n][];
        T[] point = (T[])x.Clone();
        for (int j = 0; j < n; j++)
        {
            T original = x[j];
            outputs[j] = new double[multiples.Length][];
            points[j] = new double[multiples.Length];
            for (int k = 0; k < multiples.Length; k++)
            {
                T perturbed = StepSize.Offset(original, relativeStep, multiples[k]);
                points[j][k] = double.CreateTruncating(perturbed);
                point[j] = perturbed;
                try
                {
                    outputs[j][k] = function.EvaluatePerturbed(point, Where(j, multiples[k]));
                }
                finally
                {
                    // Restored by assignment of the saved value, never by subtracting the step.
                    point[j] = original;
                }
            }

            meter.Advance(m);
        }

        // First with each output's own magnitude, to learn the row; then again with the row's terms as the floor.
        var floors = new double[m];
        Estimate(x, given, method, outputs, points, floors, into);
        for (int i = 0; i < m; i++)
        {
            double terms = 0;
            for (int j = 0; j < n; j++)
            {
                double term = Math.Abs(into[(i * n) + j].Value * double.CreateTruncating(x[j]));
                terms += double.IsFinite(term) ? term : 0;
            }

            floors[i] = terms;
        }

        Estimate(x, given, method, outputs, points, floors, into);
    }

    private static void Estimate<T>(T[] x, double[] given, DifferenceMethod method, double[][][] outputs, double[][] points, double[] floors, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        int m = given.Length;
        double epsilon = MachineEpsilon.Of<T>();
        Span<double> values = stackalloc double[Stencil.Multiples.Length];
        for (int j = 0; j < n; j++)
        {
            double[] at = points[j];
            if (method == DifferenceMethod.CentralTwoPoint)
            {
                for (int i = 0; i < m; i++)
                {
                    CentralEstimate.Write(at[0] - at[1], outputs[j][0][i], outputs[j][1][i], RoundOff.TwoPointUlps * epsilon, into, (i * n) + j, floors[i]);
                }

                continue;
            }

            var stencil = Stencil.Of(double.CreateTruncating(x[j]), at);
            for (int i = 0; i < m; i++)
            {
                for (int k = 0; k < values.Length; k++)
                {
                    values[k] = outputs[j][k][i];
                }

                RichardsonEstimate.Write(stencil, Stencil.Of(given[i], values), CostNoise.Ulps(RoundOff.Ulps * epsilon, floors[i]), into, (i * n) + j);
            }
        }
    }

    /// <summary>The perturbed point in words, as <see cref="CostProbe{T}"/> names it: <c>x[3] + 2h</c>.</summary>
    private static string Where(int input, int multiple) =>
        string.Create(CultureInfo.InvariantCulture, $"x[{input}] {StepSize.OffsetText(multiple)}");
}
