using GradCheck.NUnit.Samples;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// What NUnit's parallel runs promise for checks that share a model: the <c>[GradientCheck]</c> cases of
/// one problem take turns whatever the fixture's parallel scope, and all pass; failing checks running
/// at once inside one test each write and attach a picture of their own, and each keeps its message.
/// </summary>
[NonParallelizable]
public class SharedModelCaseTests
{
    [Test]
    public void The_cases_of_one_problem_in_a_parallel_fixture_take_turns_and_all_pass()
    {
        Dictionary<string, double[,]> before = SharedProblemCases.Network.Parameters.ToDictionary(pair => pair.Key, pair => (double[,])pair.Value.Clone());

        Dictionary<string, ITestResult> results = FixtureRunner.RunInParallel(typeof(SharedProblemCases), workers: 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Has.Count.EqualTo(6));
            foreach ((string name, ITestResult result) in results)
            {
                Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Passed), $"{name}: {result.Message}");
            }

            foreach ((string name, double[,] saved) in before)
            {
                Assert.That(Bits(SharedProblemCases.Network.Parameters[name]), Is.EqualTo(Bits(saved)), name);
            }
        }
    }

    [Test]
    public void An_empty_seed_list_is_a_case_that_is_not_runnable_and_says_why()
    {
        var cases = FixtureRunner.Discover(typeof(NoSeeds));

        Assert.That(cases, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases[0].RunState, Is.EqualTo(RunState.NotRunnable));
            Assert.That(cases[0].Properties.Get(PropertyNames.SkipReason), Does.Contain("empty seed list (Seeds = [])"));
        }
    }

    [Test]
    public void Failing_checks_at_once_in_one_test_each_attach_a_picture_of_their_own_and_keep_their_message()
    {
        ITestResult result = FixtureRunner.Run(typeof(ConcurrentFailures))[nameof(ConcurrentFailures.Many_failing_checks_at_once)];

        string[] pictures = [.. ConcurrentFailures.Messages.Select(message => message?.Split(Environment.NewLine).FirstOrDefault(line => line.StartsWith("Pictures: ", StringComparison.Ordinal)) ?? "none")];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Passed), result.Message);
            Assert.That(ConcurrentFailures.Messages, Has.All.Contain("gradient of the cost with respect to theta (2)"));
            Assert.That(pictures, Has.All.Contain(".html (a heatmap"));
            Assert.That(pictures.Distinct().Count(), Is.EqualTo(ConcurrentFailures.Count), "one file per failure");
            Assert.That(result.TestAttachments.Select(attachment => attachment.FilePath).Distinct().Count(), Is.EqualTo(ConcurrentFailures.Count));
        }
    }

    private static ulong[] Bits(double[,] values) => [.. values.Cast<double>().Select(value => (ulong)BitConverter.DoubleToInt64Bits(value))];
}
