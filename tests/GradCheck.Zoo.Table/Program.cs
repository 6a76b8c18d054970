using System.Diagnostics;
using GradCheck.Zoo.Table;

// The sweep of GradCheck.Zoo.Tests (every problem, seeds 1-20, double and float, the engine's public
// entry point with default options), written as markdown to stdout; timing goes to stderr so the
// document depends on the verdicts only.
var clock = Stopwatch.StartNew();
IReadOnlyList<ProblemSweep> sweeps = ProblemSweep.RunAll();
DiagnosisSweep diagnoses = DiagnosisSweep.Run();
Console.Out.Write(Markdown.Write(sweeps, diagnoses));
Console.Error.WriteLine($"{sweeps.Sum(sweep => sweep.Verdicts.Count)} checks and {diagnoses.Planted.Select(pair => (pair.Verdict.Seed, pair.Verdict.Bug, pair.Type)).Distinct().Count()} diagnosed planted bugs in {clock.Elapsed.TotalSeconds:0.0} s");
