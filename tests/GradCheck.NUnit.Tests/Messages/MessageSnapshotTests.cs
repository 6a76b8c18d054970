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

    /// <summary>
    /// A failure across several tensors states its pass rule once: the report's <c>Rule:</c> line, to
    /// which NUnit's <c>Expected:</c> line refers; the stated <c>Within</c> and the automatic rule alike.
    /// </summary>
    [TestCase("Seeds_network_with_planted_bugs", "|a - n| <= 1e-07 + 1e-07 * max(|a|, |n|)")]
    [TestCase("Float_tolerance_tighter_than_the_check", "|a - n| <= 1e-07 + 1e-07 * max(|a|, |n|)")]
    [TestCase("Float_one_percent_off", "|a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n")]
    [TestCase("Swapped_tensors", "|a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n")]
    public void A_failure_across_tensors_states_its_rule_once(string scenario, string rule)
    {
        string message = Results.Value[scenario + Wrong].Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Occurrences(message, rule), Is.EqualTo(1), message);
            Assert.That(Occurrences(message, "|a - n| <="), Is.EqualTo(1), message);
            Assert.That(Occurrences(message, "NaN or infinity fails"), Is.EqualTo(1), message);
            Assert.That(message, Does.Contain("Expected: ").And.Contain(", each entry within the rule below" + Environment.NewLine));
            Assert.That(message, Does.Contain(Environment.NewLine + "Rule: " + rule + "; NaN or infinity fails; a = analytic (backprop), n = numerical" + Environment.NewLine));
        }
    }

    /// <summary>No failure message, whatever it is about, states a pass rule twice.</summary>
    [TestCaseSource(nameof(Scenarios))]
    public void No_failure_message_states_a_rule_twice(string scenario, string wrong, string right)
    {
        string message = Results.Value[wrong].Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Occurrences(message, "|a - n| <="), Is.AtMost(1), message);
            Assert.That(Occurrences(message, "(order at least "), Is.AtMost(1), message);
            Assert.That(message.Split('\n').Count(line => line.StartsWith("Numerical ", StringComparison.Ordinal)), Is.AtMost(1), message);
        }
    }

    [Test]
    public void Every_scenario_has_a_passing_twin()
    {
        string[] wrong = [.. typeof(MessageScenarios).GetMethods().Where(method => method.Name.EndsWith(Wrong, StringComparison.Ordinal)).Select(method => method.Name[..^Wrong.Length])];
        string[] right = [.. typeof(MessageScenarios).GetMethods().Where(method => method.Name.EndsWith(Right, StringComparison.Ordinal)).Select(method => method.Name[..^Right.Length])];
        Assert.That(right, Is.EquivalentTo(wrong));
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The one machine-dependent part of a message: where the run keeps its files.</summary>
    private static string Scrub(string message) =>
        message.Replace(TestContext.CurrentContext.WorkDirectory, "{WorkDirectory}", StringComparison.Ordinal);
}
