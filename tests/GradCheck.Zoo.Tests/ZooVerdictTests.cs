using System.Diagnostics;
using System.Numerics;

namespace GradCheck.Zoo.Tests;

/// <summary>
/// The zoo judges the engine: <c>GradientChecker.Check</c> with default options, over seeds 1 to 20, in
/// double and float. Each (problem, type) is one test case that runs every seed and fails once, listing
/// every wrong verdict with its seed, its gradient and the report's summary.
/// </summary>
/// <remarks>
/// These assertions state what a right checker must say; they are not tuned to today's engine. A plain
/// two-point difference with today's default tolerance lets some 1% float bugs through and fails
/// correct gradients at kinks, and does not report kinks at all; the engine work under way is what
/// turns those cases green.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public class ZooVerdictTests
{
    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.ProblemsAndTypes))]
    public void Correct_gradients_pass(int index, string type)
    {
        List<string> wrong = ForType(type, index, CorrectVerdicts<double>, CorrectVerdicts<float>)
            .Where(verdict => !verdict.IsRight)
            .Select(verdict => $"seed {verdict.Seed}: correct gradient flagged: {verdict.Outcome.Summary}")
            .ToList();
        Assert.That(wrong, Is.Empty, () => ZooCases.Listing($"of {Zoo.Seeds.Count} correct gradients of {Zoo.Names[index]} ({type}) flagged", wrong));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.ProblemsAndTypes))]
    public void Planted_and_semantic_bugs_fail(int index, string type)
    {
        List<Verdict> verdicts = ForType(type, index, BugVerdicts<double>, BugVerdicts<float>);
        List<string> wrong = verdicts
            .Where(verdict => !verdict.IsRight)
            .Select(verdict => $"seed {verdict.Seed}: {verdict.Kind.ToString().ToLowerInvariant()} bug '{verdict.Gradient}' passed: {verdict.Outcome.Summary}")
            .ToList();
        Assert.That(wrong, Is.Empty, () => ZooCases.Listing($"of {verdicts.Count} bugs of {Zoo.Names[index]} ({type}) passed", wrong));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.KinkedProblemsAndTypes))]
    public void Kinks_are_reported_where_they_are(int index, string type)
    {
        List<string> wrong = [.. ForType(type, index, CorrectVerdicts<double>, CorrectVerdicts<float>)
            .Where(verdict => !verdict.KinksRight)
            .Select(verdict => verdict.Outcome.ReportsKinks
                ? $"seed {verdict.Seed}: kinks reported at {string.Join(", ", verdict.MisplacedKinks)}, not among [{string.Join(", ", verdict.KinkEntries)}]"
                : $"seed {verdict.Seed}: no kink reported: {verdict.Outcome.Summary}")];
        Assert.That(wrong, Is.Empty, () => ZooCases.Listing($"of {Zoo.Seeds.Count} reports of {Zoo.Names[index]} ({type}) wrong about its kinks", wrong));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.SmoothProblemsAndTypes))]
    public void Smooth_problems_have_no_kinks_reported(int index, string type)
    {
        List<string> wrong = [.. ForType(type, index, CorrectVerdicts<double>, CorrectVerdicts<float>)
            .Where(verdict => !verdict.KinksRight)
            .Select(verdict => $"seed {verdict.Seed}: {verdict.Outcome.KinkCount} kinks reported, such as {string.Join(", ", verdict.Outcome.KinkLabels)}")];
        Assert.That(wrong, Is.Empty, () => ZooCases.Listing($"of {Zoo.Seeds.Count} reports of the smooth {Zoo.Names[index]} ({type}) with kinks", wrong));
    }

    private static List<Verdict> ForType(string type, int index, Func<int, List<Verdict>> inDouble, Func<int, List<Verdict>> inFloat)
    {
        var clock = Stopwatch.StartNew();
        List<Verdict> verdicts = type == "double" ? inDouble(index) : inFloat(index);
        TestContext.Out.WriteLine($"{Zoo.Names[index]} ({type}): {verdicts.Count} checks in {clock.Elapsed.TotalSeconds:0.0} s");
        return verdicts;
    }

    private static List<Verdict> CorrectVerdicts<T>(int index)
        where T : IFloatingPointIeee754<T> =>
        [.. Zoo.Seeds.Select(seed => ZooSweep.CheckCorrect(Zoo.Problems<T>()[index](seed), EngineCheck.Check))];

    private static List<Verdict> BugVerdicts<T>(int index)
        where T : IFloatingPointIeee754<T> =>
        [.. Zoo.Seeds.SelectMany(seed => ZooSweep.CheckBugs(Zoo.Problems<T>()[index](seed), EngineCheck.Check))];
}
