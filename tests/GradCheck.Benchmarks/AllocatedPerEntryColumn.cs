using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GradCheck.Benchmarks;

/// <summary>
/// What a benchmark on the network under test allocates beyond its group's baseline, per parameter
/// entry: for a full check, the bytes it allocates on top of its bare cost evaluations, spread over
/// the entries it differentiates.
/// </summary>
/// <remarks>
/// A check keeps, for every entry, its numerical estimate, error estimate, one-sided derivatives,
/// bound and outcome: the report, allocated once per check and returned to the caller, plus the
/// snapshot that restores the parameters. So this figure is not 0 and cannot be; what the claim of
/// no allocation is about is the differentiation loop, which <see cref="LoopAllocationColumn"/> counts alone.
/// </remarks>
public sealed class AllocatedPerEntryColumn : PerEntryColumn
{
    private readonly Dictionary<int, int> entryCounts = [];

    /// <inheritdoc/>
    public override string ColumnName => "Alloc over baseline/entry";

    /// <inheritdoc/>
    public override string Legend =>
        "(Allocated - the group baseline's Allocated) / the network's parameter entries; for a check, its report and parameter snapshot, allocated once per check";

    /// <inheritdoc/>
    public override int PriorityInCategory => 100;

    /// <inheritdoc/>
    public override bool IsAvailable(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.HasBaselines() && summary.BenchmarksCases.Any(benchmarkCase => Parameter<int>(benchmarkCase, nameof(FullCheckBenchmarks.Inputs)) is not null);
    }

    /// <inheritdoc/>
    protected override double? BytesPerEntry(Summary summary, BenchmarkCase benchmarkCase)
    {
        BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        if (Parameter<int>(benchmarkCase, nameof(FullCheckBenchmarks.Inputs)) is not { } inputs ||
            AllocatedPerOperation(summary, benchmarkCase) is not { } allocated ||
            AllocatedPerOperation(summary, baseline) is not { } baselineAllocated)
        {
            return null;
        }

        if (!entryCounts.TryGetValue(inputs, out int entries))
        {
            entries = NetworkUnderTest.EntryCountOf(inputs);
            entryCounts[inputs] = entries;
        }

        return (double)(allocated - baselineAllocated) / entries;
    }
}
