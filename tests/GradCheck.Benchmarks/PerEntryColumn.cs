using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GradCheck.Benchmarks;

/// <summary>
/// A summary column of bytes per parameter entry, shown after BenchmarkDotNet's own Allocated
/// columns. The bytes come from exact counts, not from the rounded KB or MB the Allocated column prints.
/// </summary>
public abstract class PerEntryColumn : IColumn
{
    /// <summary>What a column shows where it has no figure: no result, or no second size to compare with.</summary>
    public const string NotAvailable = "NA";

    /// <inheritdoc/>
    public string Id => GetType().Name;

    /// <inheritdoc/>
    public abstract string ColumnName { get; }

    /// <inheritdoc/>
    public abstract string Legend { get; }

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Metric;

    /// <summary>After Allocated and Alloc Ratio, in the order the columns are declared.</summary>
    public abstract int PriorityInCategory { get; }

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <summary>Dimensionless: the column formats its own bytes, which must not be scaled to KB.</summary>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public abstract bool IsAvailable(Summary summary);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return BytesPerEntry(summary, benchmarkCase) is { } bytes
            ? bytes.ToString("0.##", CultureInfo.InvariantCulture) + " B"
            : NotAvailable;
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public override string ToString() => ColumnName;

    /// <summary>The bytes per entry of <paramref name="benchmarkCase"/>, or null where there is no figure.</summary>
    protected abstract double? BytesPerEntry(Summary summary, BenchmarkCase benchmarkCase);

    /// <summary>The bytes one operation of <paramref name="benchmarkCase"/> allocated, as measured by the MemoryDiagnoser.</summary>
    protected static long? AllocatedPerOperation(Summary summary, BenchmarkCase? benchmarkCase) =>
        benchmarkCase is not null && summary[benchmarkCase] is { } report && report.ResultStatistics is not null
            ? report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase)
            : null;

    /// <summary>The value of the parameter <paramref name="name"/> of <paramref name="benchmarkCase"/>, if it has one of type <typeparamref name="T"/>.</summary>
    protected static T? Parameter<T>(BenchmarkCase benchmarkCase, string name)
        where T : struct =>
        benchmarkCase.Parameters[name] is T value ? value : null;
}
