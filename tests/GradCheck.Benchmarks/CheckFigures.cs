using System.Globalization;
using BenchmarkDotNet.Reports;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// What a benchmark's check reported: its cost evaluations, the entries it differentiated and its
/// verdict. The benchmark process prints them on one line of its standard output in its GlobalSetup
/// (<see cref="ToLine"/>), and the host's columns read them back from that output (<see cref="Of(BenchmarkReport)"/>):
/// a column is computed in the host, the check runs in the benchmark's own process.
/// </summary>
/// <param name="CostEvaluations">The report's <see cref="GradientCheckReport.CostEvaluations"/>.</param>
/// <param name="Entries">The parameter entries the check differentiated.</param>
/// <param name="Verdict"><c>passed</c>, or <c>failed:</c> and each failing tensor with its failing entries.</param>
public sealed record CheckFigures(long CostEvaluations, int Entries, string Verdict)
{
    /// <summary>The evaluations a full check makes at the given parameters, whatever the entries: the cost and its noise there.</summary>
    public const int EvaluationsAtGivenPoint = 3;

    /// <summary>What starts the line; BenchmarkDotNet passes lines that start with <c>//</c> through as they are.</summary>
    private const string Prefix = "// Check figures: ";

    /// <summary>The cost evaluations per entry, those at the given parameters left out; NaN for a check that differentiated no entry on its own (along random directions that all passed).</summary>
    public double EvaluationsPerEntry => Entries == 0 ? double.NaN : (double)(CostEvaluations - EvaluationsAtGivenPoint) / Entries;

    /// <summary>The figures of <paramref name="report"/>, a full check of <paramref name="entries"/> entries.</summary>
    /// <param name="report">The check's report.</param>
    /// <param name="entries">The number of parameter entries.</param>
    public static CheckFigures Of(GradientCheckReport report, int entries)
    {
        ArgumentNullException.ThrowIfNull(report);
        string verdict = report.Passed
            ? "passed"
            : "failed: " + string.Join(", ", report.FailedTensors.Select(tensor =>
                string.Create(CultureInfo.InvariantCulture, $"{tensor.Name} ({tensor.FailedEntryCount:N0} of {tensor.EntryCount:N0})")));
        return new CheckFigures(report.CostEvaluations, entries, verdict);
    }

    /// <summary>The figures the process of <paramref name="report"/> printed, or null if it printed none (or did not run).</summary>
    /// <param name="report">A benchmark's results, with the standard output of its process.</param>
    public static CheckFigures? Of(BenchmarkReport? report) =>
        report?.ExecuteResults
            .SelectMany(result => result.StandardOutput)
            .Select(Parse)
            .LastOrDefault(figures => figures is not null);

    /// <summary>The line that carries these figures: the prefix, then evaluations, entries and verdict, tab-separated.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{CostEvaluations}\t{Entries}\t{Verdict}");

    private static CheckFigures? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string[] fields = line[Prefix.Length..].Split('\t', 3);
        return fields.Length == 3 &&
            long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long evaluations) &&
            int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int entries) && entries >= 0
            ? new CheckFigures(evaluations, entries, fields[2])
            : null;
    }
}
