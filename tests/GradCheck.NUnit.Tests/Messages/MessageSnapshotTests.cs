using GradCheck.NUnit.Samples;
using GradCheck.Testing;
using NUnit.Framework.Interfaces;

namespace GradCheck.NUnit.Tests.Messages;

/// <summary>
/// Every kind of failure message, as NUnit shows it, against its approved text; and every scenario's
/// passing twin passes. The scenarios are the sample fixtures <see cref="MessageScenarios"/> and
/// <see cref="GradientCheckScenarios"/>, run in process under de-DE.
/// </summary>
public class MessageSnapshotTests
{
    private const string Wrong = "_wrong";
    private const string Right = "_right";

    private static readonly Lazy<Dictionary<string, ITestResult>> Results = new(() =>
        FixtureRunner.Run(typeof(MessageScenarios))
            .Concat(FixtureRunner.Run(typeof(GradientCheckScenarios)))
            .ToDictionary(pair => pair.Key, pair => pair.Value));

    /// <summary>Each scenario: its name, the failing test and the passing twin.</summary>
    public static IEnumerable<TestCaseData> Scenarios()
    {
        IEnumerable<string> methods = typeof(MessageScenarios).GetMethods()
            .Where(method => method.Name.EndsWith(Wrong, StringComparison.Ordinal))
            .Select(method => method.Name[..^Wrong.Length]);
        foreach (string scenario in methods)
        {
            yield return new TestCaseData(scenario, scenario + Wrong, scenario + Right).SetArgDisplayNames(scenario);
        }

        yield return new TestCaseData("GradientCheck_case", "Backprop(PlantedBug(seed: 1) > W2)", "Backprop(Dense(seed: 1) > W2)")
            .SetArgDisplayNames("GradientCheck_case");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void The_failure_message_is_the_approved_one(string scenario, string wrong, string right)
    {
        ITestResult result = Results.Value[wrong];
        Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Failed), () => $"{wrong} was meant to fail: {result.Message}");
        ApprovedText.Verify(Scrub(result.Message), scenario);
    }

    [TestCaseSource(nameof(Scenarios))]
    public void The_passing_twin_passes(string scenario, string wrong, string right)
    {
        ITestResult result = Results.Value[right];
        Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Passed), () => $"{right}, the twin of {scenario}, failed: {result.Message}");
    }

    [Test]
    public void Every_scenario_has_a_passing_twin()
    {
        string[] wrong = [.. typeof(MessageScenarios).GetMethods().Where(method => method.Name.EndsWith(Wrong, StringComparison.Ordinal)).Select(method => method.Name[..^Wrong.Length])];
        string[] right = [.. typeof(MessageScenarios).GetMethods().Where(method => method.Name.EndsWith(Right, StringComparison.Ordinal)).Select(method => method.Name[..^Right.Length])];
        Assert.That(right, Is.EquivalentTo(wrong));
    }

    /// <summary>The one machine-dependent part of a message: where the run keeps its files.</summary>
    private static string Scrub(string message) =>
        message.Replace(TestContext.CurrentContext.WorkDirectory, "{WorkDirectory}", StringComparison.Ordinal);
}
