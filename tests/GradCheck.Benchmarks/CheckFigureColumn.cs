using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GradCheck.Benchmarks;

/// <summary>
/// A summary column of what a benchmark's check reported (<see cref="CheckFigures"/>), read from the
/// standard output of the benchmark's process. A benchmark that prints no figures shows
/// <see cref="PerEntryColumn.NotAvailable"/>; a summary in which none does has no such column.
/// </summary>
public abstract class CheckFigureColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => GetType().Name;

    /// <inheritdoc/>
    public abstract string ColumnName { get; }

    /// <inheritdoc/>
    public abstract string Legend { get; }

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <summary>The order among the check's columns, in the order they are declared.</summary>
    public abstract int PriorityInCategory { get; }

    /// <inheritdoc/>
    public abstract bool IsNumeric { get; }

    /// <summary>Dimensionless: a count or a word, never scaled.</summary>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.BenchmarksCases.Any(benchmarkCase => CheckFigures.Of(summary[benchmarkCase]) is not null);
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        return CheckFigures.Of(summary[benchmarkCase]) is { } figures ? Format(figures) : PerEntryColumn.NotAvailable;
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public override string ToString() => ColumnName;

    /// <summary>The cell of a benchmark whose check reported <paramref name="figures"/>.</summary>
    protected abstract string Format(CheckFigures figures);
}
