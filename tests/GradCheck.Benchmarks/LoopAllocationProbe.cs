using System.Numerics.Tensors;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// Counts the bytes a check allocates inside its differentiation loop, apart from everything it
/// allocates once per check (the parameter snapshot before the loop, the report after it).
/// </summary>
/// <remarks>
/// The cost is a sum of squares that allocates nothing. Each time it is evaluated at a perturbed point
/// (any point but theta itself) it reads the thread's exact allocation counter. Between its first such
/// reading (entry 0's first evaluation) and its last (the last entry's last evaluation) only the loop
/// runs, over one full period per entry but one; the bytes counted there, over the entries but one, are
/// the loop's bytes per entry. The probe knows nothing of how many evaluations the engine makes or in
/// what order: it only tells perturbed points from the given one.
/// </remarks>
public sealed class LoopAllocationProbe
{
    private readonly double[] theta;
    private readonly double[] gradient;
    private long? first;
    private long last;

    private LoopAllocationProbe(int entries)
    {
        theta = Point(entries);
        gradient = GradientAt(theta);
    }

    /// <summary>The point the allocation benchmarks check at: entries spread over [-1, 1], none 0.</summary>
    /// <param name="entries">The number of entries.</param>
    public static double[] Point(int entries)
    {
        double[] point = new double[entries];
        for (int i = 0; i < entries; i++)
        {
            point[i] = Math.Sin(i + 0.5);
        }

        return point;
    }

    /// <summary>The exact gradient of <see cref="SumOfSquares"/>, 2 theta.</summary>
    public static double[] GradientAt(double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        double[] gradient = new double[theta.Length];
        TensorPrimitives.Multiply(theta, 2.0, gradient);
        return gradient;
    }

    /// <summary>The cost the allocation benchmarks check: Σ x², pure and allocation-free.</summary>
    public static double SumOfSquares(double[] point) => TensorPrimitives.SumOfSquares<double>(point);

    /// <summary>
    /// The bytes per entry the loop of a check with <paramref name="method"/> allocates on
    /// <paramref name="entries"/> entries, in steady state: the second of two checks, so that what
    /// happens once per process (compiling, initialising statics) is not counted.
    /// </summary>
    /// <param name="entries">At least 2 entries, so that the loop has a period to count.</param>
    /// <param name="method">The difference rule.</param>
    /// <exception cref="InvalidOperationException">A check of the exact gradient did not pass.</exception>
    public static double BytesPerEntry(int entries, DifferenceMethod method)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entries, 2);
        var probe = new LoopAllocationProbe(entries);
        probe.CountLoop(method);
        return probe.CountLoop(method);
    }

    private double CountLoop(DifferenceMethod method)
    {
        first = null;
        GradientCheckReport report = GradientChecker.Check<double>(Cost, theta, gradient, new GradientCheckOptions { Method = method });
        if (!report.Passed || first is not { } start)
        {
            throw new InvalidOperationException($"The {method} check of Σ x² at {theta.Length} entries did not pass:{Environment.NewLine}{report}");
        }

        return (double)(last - start) / (theta.Length - 1);
    }

    private double Cost(double[] point)
    {
        if (!point.AsSpan().SequenceEqual(theta))
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            first ??= allocated;
            last = allocated;
        }

        return SumOfSquares(point);
    }
}
