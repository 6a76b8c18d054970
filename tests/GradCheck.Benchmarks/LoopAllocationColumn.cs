using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GradCheck.Benchmarks;

/// <summary>
/// The bytes a check's differentiation loop allocates per entry, counted by <see cref="LoopAllocationProbe"/>
/// for each allocation benchmark's size and method.
/// </summary>
/// <remarks>
/// The count is made where the summary is written, in the host process: an exact count of bytes from
/// the same build, which does not depend on which process makes it, unlike a time.
/// </remarks>
public sealed class LoopAllocationColumn : PerEntryColumn
{
    private readonly Dictionary<(int Entries, DifferenceMethod Method), double> counts = [];

    /// <inheritdoc/>
    public override string ColumnName => "Loop alloc/entry";

    /// <inheritdoc/>
    public override string Legend =>
        "Bytes the differentiation loop alone allocates per entry: the thread's allocation counter read at the first and last cost evaluation at a perturbed point, over the entries in between (steady state: the second of two checks)";

    /// <inheritdoc/>
    public override int PriorityInCategory => 102;

    /// <inheritdoc/>
    public override bool IsAvailable(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.BenchmarksCases.Any(benchmarkCase => Parameter<DifferenceMethod>(benchmarkCase, nameof(CheckAllocationBenchmarks.Rule)) is not null);
    }

    /// <inheritdoc/>
    protected override double? BytesPerEntry(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (Parameter<int>(benchmarkCase, AllocationSlopeColumn.EntriesParameter) is not { } entries ||
            Parameter<DifferenceMethod>(benchmarkCase, nameof(CheckAllocationBenchmarks.Rule)) is not { } method)
        {
            return null;
        }

        if (!counts.TryGetValue((entries, method), out double bytes))
        {
            bytes = LoopAllocationProbe.BytesPerEntry(entries, method);
            counts[(entries, method)] = bytes;
        }

        return bytes;
    }
}
