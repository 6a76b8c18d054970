using GradCheck.NUnit.Samples;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace GradCheck.NUnit.Tests;

public class GradientCheckAttributeTests
{
    [Test]
    public void Gives_one_case_per_problem_and_tensor_named_by_both()
    {
        string[] names = [.. FixtureRunner.Discover(typeof(SeededNetworks)).Select(test => test.Name)];

        Assert.That(names, Is.EquivalentTo(new[]
        {
            "Backprop(Dense(seed: 1) > W1)", "Backprop(Dense(seed: 1) > b1)", "Backprop(Dense(seed: 1) > W2)",
            "Backprop(Dense(seed: 1) > b2)", "Backprop(Dense(seed: 1) > W3)", "Backprop(Dense(seed: 1) > b3)",
            "Backprop(Dense(seed: 2) > W1)", "Backprop(Dense(seed: 2) > b1)", "Backprop(Dense(seed: 2) > W2)",
            "Backprop(Dense(seed: 2) > b2)", "Backprop(Dense(seed: 2) > W3)", "Backprop(Dense(seed: 2) > b3)",
            "Backprop(PlantedBug(seed: 1) > W1)", "Backprop(PlantedBug(seed: 1) > b1)", "Backprop(PlantedBug(seed: 1) > W2)",
            "Backprop(PlantedBug(seed: 1) > b2)", "Backprop(PlantedBug(seed: 1) > W3)", "Backprop(PlantedBug(seed: 1) > b3)",
        }));
    }

    [Test]
    public void Names_are_the_same_at_every_discovery()
    {
        string[] first = [.. FixtureRunner.Discover(typeof(SeededNetworks)).Select(test => test.FullName)];
        string[] second = [.. FixtureRunner.Discover(typeof(SeededNetworks)).Select(test => test.FullName)];

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Fails_exactly_the_cases_of_the_tensors_whose_backprop_is_wrong()
    {
        Dictionary<string, ITestResult> results = FixtureRunner.Run(typeof(SeededNetworks));
        string[] failed = [.. results.Values.Where(result => result.ResultState.Status == TestStatus.Failed).Select(result => result.Test.Name)];
        string[] passed = [.. results.Values.Where(result => result.ResultState.Status == TestStatus.Passed).Select(result => result.Test.Name)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.EquivalentTo(new[] { "Backprop(PlantedBug(seed: 1) > b1)", "Backprop(PlantedBug(seed: 1) > W2)" }));
            Assert.That(passed, Has.Length.EqualTo(results.Count - 2));
        }
    }

    [Test]
    public void A_transposed_gradient_and_a_misshapen_one_each_fail_their_own_case_only()
    {
        Dictionary<string, ITestResult> results = FixtureRunner.Run(typeof(ShapeMistakes));
        string[] failed = [.. results.Values.Where(result => result.ResultState.Status == TestStatus.Failed).Select(result => result.Test.Name)];

        Assert.That(failed, Is.EquivalentTo(new[] { "Backprop(ShapeMistakes(seed: 1) > W1)", "Backprop(ShapeMistakes(seed: 1) > b2)" }));
        Assert.That(results.Values.Count(result => result.ResultState.Status == TestStatus.Passed), Is.EqualTo(4));
        Assert.That(results["Backprop(ShapeMistakes(seed: 1) > W1)"].Message, Does.Contain(
            "W1: transposed: dW1 has shape (4, 5), the transpose of W1's (5, 4); read transposed back (a[i,j] = dW1[j,i]), every entry matches the numerical gradient"));
        Assert.That(results["Backprop(ShapeMistakes(seed: 1) > b2)"].Message, Does.Contain("gradient 'db2' has shape (2, 1) but parameter 'b2' has shape (3, 1)"));
    }

    [Test]
    public void Entries_not_checkable_where_kinks_meet_are_decided_at_a_nudged_point_and_a_bug_there_fails_its_case()
    {
        Dictionary<string, ITestResult> results = FixtureRunner.Run(typeof(MeetingKinks));
        string[] failed = [.. results.Values.Where(result => result.ResultState.Status == TestStatus.Failed).Select(result => result.Test.Name)];
        ITestResult bug = results["Backprop(ZeroInitialisedReluWithBug(seed: 8) > W1)"];
        ITestResult notRechecked = results["Backprop(ZeroInitialisedReluNotRechecked(seed: 8) > W1)"];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.EquivalentTo(new[] { "Backprop(ZeroInitialisedReluWithBug(seed: 8) > W1)", "Backprop(ZeroInitialisedReluNotRechecked(seed: 8) > W1)" }));
            Assert.That(bug.Message, Does.Contain("re-checked at a point nudged off the ties (seed 1; every parameter moved by 1.0e-02"));
            Assert.That(bug.Message, Does.Contain("W1[0,0] fails at nudged point 1: a = "));
            Assert.That(notRechecked.Message, Does.Contain("W1 (nothing could be checked: every entry sits on a kink where kinks may meet; move the point)"));
            Assert.That(notRechecked.Message, Does.Contain("RecheckAtNudgedPoint = false"));
        }
    }

    [Test]
    public void A_failing_case_shows_the_gradient_constraints_message_for_its_tensor()
    {
        ITestResult result = FixtureRunner.Run(typeof(SeededNetworks))["Backprop(PlantedBug(seed: 1) > W2)"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Message, Does.StartWith("  PlantedBug(seed: 1) > W2"));
            Assert.That(result.Message, Does.Contain("Expected: gradient of the cost with respect to W2 (3, 5), each entry within the rule below"));
            Assert.That(result.Message, Does.Contain("But was:  1 of 1 tensors outside tolerance: W2 (9 of 15 entries)"));
            Assert.That(result.Message, Does.Contain("W2[0,0]"));
            Assert.That(result.Message, Does.Not.Contain("b1"), "the case checks W2 only");
        }
    }

    [Test]
    public void Runs_the_test_body_and_then_the_check()
    {
        PropertySource.BodiesRun = 0;
        Dictionary<string, ITestResult> results = FixtureRunner.Run(typeof(PropertySource));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results["Backprop(Quadratic > theta)"].ResultState.Status, Is.EqualTo(TestStatus.Passed));
            Assert.That(results["Backprop(WrongQuadratic > theta)"].ResultState.Status, Is.EqualTo(TestStatus.Failed));
            Assert.That(results["Backprop(WrongQuadratic > theta)"].Message, Does.Contain("theta[1]"));
            Assert.That(PropertySource.BodiesRun, Is.EqualTo(2));
        }
    }

    [Test]
    public void A_layer_as_a_problem_gives_a_case_for_x_and_for_each_parameter_and_fails_only_the_wrong_one()
    {
        Dictionary<string, ITestResult> results = FixtureRunner.Run(typeof(LayerSource));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Keys, Is.EquivalentTo(new[]
            {
                "Backprop(Correct > x)", "Backprop(Correct > gamma)", "Backprop(Correct > beta)",
                "Backprop(StatisticsAsConstants > x)", "Backprop(StatisticsAsConstants > gamma)", "Backprop(StatisticsAsConstants > beta)",
            }));
            Assert.That(results.Where(pair => pair.Value.ResultState.Status == TestStatus.Failed).Select(pair => pair.Key), Is.EqualTo(new[] { "Backprop(StatisticsAsConstants > x)" }));
            Assert.That(results["Backprop(StatisticsAsConstants > x)"].Message, Does.Contain("Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed 1"));
        }
    }

    [TestCase(nameof(BadSources.Missing), "BadSources has no static field, property or method named 'NoSuchMember'")]
    [TestCase(nameof(BadSources.WrongType), "BadSources.NotProblems returns int; it must return GradientProblem<double>")]
    [TestCase(nameof(BadSources.WrongItem), "BadSources.Mixed yields string where GradientProblem<double> is needed")]
    [TestCase(nameof(BadSources.NoProblems), "BadSources.Empty yields no problems")]
    [TestCase(nameof(BadSources.NotStatic), "BadSources.Instance must be static")]
    [TestCase(nameof(BadSources.SeedMissing), "SampleProblems.Dense must be a static field, property or method without parameters (give Seeds to pass a seed)")]
    [TestCase(nameof(BadSources.WrongElementType), "SampleProblems.Dense(seed: 1) returns GradientProblem<double>; it must return GradientProblem<float> or a sequence of them. The test method takes GradientCheckCase<float>: make it GradientCheckCase<double> to check these problems, or build them over float.")]
    [TestCase(nameof(BadSources.WrongParameter), "takes one parameter, a GradientCheckCase<double> or GradientCheckCase<float>; WrongParameter takes (double[])")]
    public void A_source_that_cannot_be_read_gives_a_case_that_is_not_runnable_and_says_why(string method, string reason)
    {
        Test[] tests = [.. FixtureRunner.Discover(typeof(BadSources)).Where(test => test.Name.StartsWith(method + "(", StringComparison.Ordinal))];

        Assert.That(tests, Has.Length.EqualTo(1));
        Assert.That(tests[0].RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(tests[0].Properties.Get(PropertyNames.SkipReason), Does.Contain(reason));
    }

    [Test]
    public void A_problem_whose_construction_throws_is_not_runnable_and_the_other_seeds_still_run()
    {
        Test[] tests = [.. FixtureRunner.Discover(typeof(BadSources)).Where(test => test.Name.StartsWith("ConstructorThrows(", StringComparison.Ordinal))];
        Test broken = tests.Single(test => test.RunState == RunState.NotRunnable);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tests.Count(test => test.RunState == RunState.Runnable), Is.EqualTo(6), "seed 1's six tensors");
            Assert.That(broken.Name, Is.EqualTo("ConstructorThrows(Throwing(seed: 2))"));
            Assert.That(broken.Properties.Get(PropertyNames.SkipReason), Is.EqualTo(
                "The GradientCheck source BadSources.Throwing(seed: 2) threw InvalidOperationException: layer sizes [4, 0, 1] have an empty layer"));
        }
    }

    [Test]
    public void Two_problems_with_the_same_name_do_not_make_two_cases_with_the_same_name()
    {
        Test[] tests = [.. FixtureRunner.Discover(typeof(BadSources)).Where(test => test.Name.StartsWith("DuplicateNames(", StringComparison.Ordinal))];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tests.Select(test => test.Name), Is.Unique);
            Assert.That(tests.Count(test => test.RunState == RunState.Runnable), Is.EqualTo(6));
            Assert.That(tests.Where(test => test.RunState == RunState.NotRunnable).Select(test => test.Properties.Get(PropertyNames.SkipReason)),
                Has.All.EqualTo("Two cases are named 'Dense > W1': give the problems different names.").Or.Contains("give the problems different names"));
        }
    }
}
