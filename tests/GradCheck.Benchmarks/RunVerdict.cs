using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GradCheck.Benchmarks;

/// <summary>
/// Whether a run of benchmarks succeeded, as an exit code. BenchmarkDotNet returns its summaries
/// whatever happened: a benchmark whose GlobalSetup threw only lacks results, and the process
/// would exit 0. A CI smoke test needs the failure in the exit code.
/// </summary>
public static class RunVerdict
{
    /// <summary>The arguments that ask for information and run no benchmark.</summary>
    private static readonly string[] InformationOnly = ["--help", "-h", "--version", "--info", "--list"];

    /// <summary>0 when every benchmark produced results, 1 otherwise, with the reasons written to <paramref name="error"/>.</summary>
    /// <param name="summaries">What the switcher returned.</param>
    /// <param name="args">The program's arguments: a run that only lists or explains has no summary, and succeeds.</param>
    /// <param name="error">Where the reasons go.</param>
    public static int ExitCode(IReadOnlyList<Summary> summaries, string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var failures = new List<string>();
        if (summaries.Sum(summary => summary.BenchmarksCases.Length) == 0 &&
            !args.Any(arg => InformationOnly.Any(option => arg.Equals(option, StringComparison.OrdinalIgnoreCase) || arg.StartsWith(option + "=", StringComparison.OrdinalIgnoreCase))))
        {
            failures.Add("no benchmark ran: the arguments were not understood, or the filter matched nothing");
        }

        foreach (Summary summary in summaries)
        {
            failures.AddRange(summary.ValidationErrors.Where(validation => validation.IsCritical).Select(validation => validation.Message));
            foreach (BenchmarkCase benchmarkCase in summary.BenchmarksCases)
            {
                BenchmarkReport? report = summary[benchmarkCase];
                if (report is null || !report.Success || report.ResultStatistics is null)
                {
                    failures.Add($"{benchmarkCase.DisplayInfo} has no result; its error is in the log above ({summary.LogFilePath})");
                }
            }
        }

        foreach (string failure in failures)
        {
            error.WriteLine($"Benchmark failure: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
