using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;

namespace GradCheck.Taylor;

/// <summary>
/// The cost on the line x + t u through one tensor: it moves every entry to x + t u rounded to the
/// element type, evaluates, restores each entry by assignment of its saved value (also when the cost
/// throws), and gives the cost with a · d for the displacement d the rounded point actually took.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class LineOfPoints<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T> cost;
    private readonly NamedTensor<T> tensor;
    private readonly ReadOnlyMemory<T> given;
    private readonly TaylorDirection<T> direction;
    private readonly AnalyticGradient<T> analytic;
    private readonly CancellationToken cancellation;

    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The tensor moved.</param>
    /// <param name="given">The tensor at the given point (the check's snapshot of it): where the line starts, and what every entry is put back to.</param>
    /// <param name="direction">u.</param>
    /// <param name="analytic">a over the tensor.</param>
    /// <param name="cancellation">The check's cancellation.</param>
    public LineOfPoints(Func<T> cost, NamedTensor<T> tensor, ReadOnlyMemory<T> given, TaylorDirection<T> direction, AnalyticGradient<T> analytic, CancellationToken cancellation)
    {
        this.cost = cost;
        this.tensor = tensor;
        this.given = given;
        this.direction = direction;
        this.analytic = analytic;
        this.cancellation = cancellation;
    }

    /// <summary>How many times the cost has been evaluated.</summary>
    public int Evaluations { get; private set; }

    /// <summary>The cost at x + t u, a · d for the displacement d taken, and Σ |a_i d_i|, the magnitude of that sum.</summary>
    /// <param name="t">How far along u.</param>
    /// <param name="what">The point in words, for the message if the cost throws.</param>
    public (double Cost, double Linear, double LinearMagnitude) At(double t, string what)
    {
        Span<T> values = tensor.Storage.Span;
        ReadOnlySpan<T> original = given.Span;
        double linear = 0;
        double magnitude = 0;
        try
        {
            TaylorDirection<T>.Pass u = direction.Start();
            for (int i = 0; i < values.Length; i++)
            {
                T moved = original[i] + T.CreateTruncating(t * u.Next(i));
                values[i] = moved;
                double term = analytic[i] * (double.CreateTruncating(moved) - double.CreateTruncating(original[i]));
                linear += term;
                magnitude += Math.Abs(term);
            }

            Evaluations++;
            double value = CostEvaluation.At(cost, string.Create(CultureInfo.InvariantCulture, $"{tensor.Name} moved along {what}, h = {t:G3}"), cancellation);
            return (value, linear, magnitude);
        }
        finally
        {
            original.CopyTo(values);
        }
    }
}
