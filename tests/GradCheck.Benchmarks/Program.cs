using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using GradCheck.Benchmarks;

// The measurement, on the full [12288, 5, 5, 1] network under the two-core short-run job:
//   dotnet run -c Release --project tests/GradCheck.Benchmarks -- --filter '*'
// The CI smoke test, every benchmark once on a small network (exit code 1 if any fails):
//   dotnet run -c Release --project tests/GradCheck.Benchmarks -- --filter '*' --job dry
// Any other BenchmarkDotNet option applies as usual (--help lists them).
Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.For(args))];
return RunVerdict.ExitCode(summaries, args, Console.Error);
