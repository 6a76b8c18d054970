using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GradCheck.Benchmarks;

/// <summary>
/// How much more a check allocates for each entry more: the difference between the bytes one operation
/// allocates at two values of the <c>Entries</c> parameter (all other parameters equal), over the
/// difference in entries. What a check allocates once whatever its size cancels out.
/// </summary>
public sealed class AllocationSlopeColumn : PerEntryColumn
{
    /// <summary>The parameter that sets the number of entries.</summary>
    public const string EntriesParameter = nameof(CheckAllocationBenchmarks.Entries);

    /// <inheritdoc/>
    public override string ColumnName => "Alloc slope/entry";

    /// <inheritdoc/>
    public override string Legend =>
        "(Allocated at one Entries - Allocated at the other) / (difference in Entries), same method: the bytes each entry adds to a whole check";

    /// <inheritdoc/>
    public override int PriorityInCategory => 101;

    /// <inheritdoc/>
    public override bool IsAvailable(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.BenchmarksCases.Any(benchmarkCase => Parameter<int>(benchmarkCase, EntriesParameter) is not null);
    }

    /// <inheritdoc/>
    protected override double? BytesPerEntry(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (Parameter<int>(benchmarkCase, EntriesParameter) is not { } entries ||
            AllocatedPerOperation(summary, benchmarkCase) is not { } allocated)
        {
            return null;
        }

        // The same benchmark at another size: same method, same parameters but Entries.
        BenchmarkCase? other = summary.BenchmarksCases.FirstOrDefault(candidate =>
            candidate.Descriptor == benchmarkCase.Descriptor &&
            Parameter<int>(candidate, EntriesParameter) is { } size && size != entries &&
            candidate.Parameters.Items.All(parameter => parameter.Name == EntriesParameter || Equals(parameter.Value, benchmarkCase.Parameters[parameter.Name])));
        if (other is null || AllocatedPerOperation(summary, other) is not { } otherAllocated)
        {
            return null;
        }

        int otherEntries = Parameter<int>(other, EntriesParameter)!.Value;
        return (double)(allocated - otherAllocated) / (entries - otherEntries);
    }
}
