using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;

namespace GradCheck.Benchmarks;

/// <summary>
/// The configuration a command line selects. Without <c>--job</c>: <see cref="TwoCoreShortRun"/> on
/// the full network. With <c>--job</c> NAME (dry, short, medium, long, ...): BenchmarkDotNet's job of
/// that name instead, and for <c>--job dry</c>, the CI smoke test, the small network of
/// <see cref="NetworkUnderTest.SmokeInputs"/> inputs. Either way, the per-entry allocation columns and the
/// columns of what a check reported (evaluations per entry, verdict).
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>The name of BenchmarkDotNet's dry job, as <c>--job</c> takes it.</summary>
    public const string DryJob = "dry";

    /// <summary>
    /// The measurement on a 2-core machine: one process per benchmark, one warm-up iteration, three
    /// measured ones. An operation of the full network takes seconds (123,000 or 246,000 cost
    /// evaluations of 10 to 30 µs, by machine), so each iteration is a single operation, timed far above the
    /// clock's resolution, and the warm-up's hundreds of thousands of calls leave every method fully
    /// compiled. BenchmarkDotNet's default job (6 or more warm-ups, 15 to 100 iterations) would take
    /// hours for no better figure; its ShortRun (<c>--job short</c>) warms up three times.
    /// </summary>
    public static Job TwoCoreShortRun { get; } = new Job("TwoCoreShortRun")
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(3);

    /// <summary>The configuration for <paramref name="args"/>; sets <see cref="NetworkUnderTest.IsSmokeTest"/> for a dry run.</summary>
    /// <param name="args">The program's arguments, as BenchmarkDotNet parses them.</param>
    public static IConfig For(string[] args)
    {
        // BenchmarkDotNet's own parser, so that -j dry, --job Dry and --job=dry are read alike. A job
        // given here with --job also given would make BenchmarkDotNet run both, hence one or the other.
        (bool parsed, _, CommandLineOptions? options) = ConfigParser.Parse(args, NullLogger.Instance);
        string job = parsed && options is not null ? options.BaseJob : "default";
        NetworkUnderTest.IsSmokeTest = job.Equals(DryJob, StringComparison.OrdinalIgnoreCase);

        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(new AllocatedPerEntryColumn(), new AllocationSlopeColumn(), new LoopAllocationColumn())
            .AddColumn(new EvaluationsPerEntryColumn(), new CheckVerdictColumn());
        return job.Equals("default", StringComparison.OrdinalIgnoreCase) ? config.AddJob(TwoCoreShortRun) : config;
    }
}
