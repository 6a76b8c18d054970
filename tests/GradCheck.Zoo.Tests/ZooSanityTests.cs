namespace GradCheck.Zoo.Tests;

/// <summary>
/// The zoo proves itself before it judges the engine, with its own few lines of central difference in
/// double (<see cref="ReferenceDifference"/>) over all 20 seeds: the hand-written gradients are right,
/// the kinks are where the problems say and nowhere else, every gradient is large enough to be judged
/// in float unless the problem declares it small, and every bug is plainly wrong somewhere the cost is
/// smooth. (Where kinks meet, <see cref="ZooClassesSanityTests"/> confirms the hand-written value.)
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ZooSanityTests
{
    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Problems))]
    public void Hand_written_gradients_agree_with_a_central_difference(int index)
    {
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> problem = Zoo.Problems<double>()[index](seed);
            Dictionary<string, double[,]> gradient = problem.Gradient();
            foreach (ReferenceDifference.Probe probe in ReferenceDifference.ProbeAll(problem))
            {
                // Where kinks meet, ReLU'(0) = 0 need not lie between the one-sided derivatives; those
                // entries are confirmed against the frozen-pattern cost instead (ZooClassesSanityTests).
                double analytic = gradient[probe.Tensor][probe.Row, probe.Column];
                if (problem.MeetingKinkEntries.Contains(probe.Label))
                {
                    continue;
                }

                if (!probe.Accepts(analytic))
                {
                    findings.Add($"seed {seed}: {probe.Label} analytic {analytic:e6}, central {probe.Central:e6}, one-sided {probe.Backward:e6} / {probe.Forward:e6}");
                }
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("entries disagree with the reference difference", findings));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Problems))]
    public void Kinks_are_where_the_problem_says_and_plain_to_see(int index)
    {
        // Every numerical kink is declared, and a kinked problem has at least one whose jump is 1% or
        // more of its one-sided derivatives, plain enough for a float check to see. (A declared entry
        // may jump too little for the reference to see, so not every declared entry must show.)
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> problem = Zoo.Problems<double>()[index](seed);
            List<ReferenceDifference.Probe> probes = ReferenceDifference.ProbeAll(problem);
            string[] undeclared = [.. probes.Where(probe => probe.IsKink && !probe.Declared).Select(probe => probe.Label)];
            if (undeclared.Length > 0)
            {
                findings.Add($"seed {seed}: kinks at {string.Join(", ", undeclared)} not in KinkEntries [{string.Join(", ", problem.KinkEntries)}]");
            }

            double plainest = probes.Where(probe => probe.Declared)
                .Select(probe => probe.Jump / Math.Max(1e-12, Math.Max(Math.Abs(probe.Forward), Math.Abs(probe.Backward))))
                .DefaultIfEmpty(0.0)
                .Max();
            if (problem.HasKinks && plainest < 1e-2)
            {
                findings.Add($"seed {seed}: HasKinks, but the largest relative jump is {plainest:e2}");
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("seeds with kinks in the wrong places", findings));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Problems))]
    public void Every_tensor_has_a_gradient_a_float_difference_can_resolve_unless_declared_small(int index)
    {
        // A float central difference resolves a derivative to about 2.4e-5 |J|; a tensor whose largest
        // entry is 2e-2 |J| or more (ZooProblem.ResolvableGradientRatio) still shows a 1% error above that.
        // The tensors a problem declares small (SmallGradientTensors) are built below it on purpose.
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> problem = Zoo.Problems<double>()[index](seed);
            double cost = Math.Abs(problem.Cost());
            foreach ((string name, double[,] gradient) in problem.Gradient())
            {
                double largest = gradient.Cast<double>().Max(Math.Abs);
                bool small = largest < ZooProblem<double>.ResolvableGradientRatio * cost;
                if (small != problem.SmallGradientTensors.Contains(name))
                {
                    findings.Add($"seed {seed}: max |d{name}| = {largest:e3} {(small ? "<" : ">=")} {ZooProblem<double>.ResolvableGradientRatio} |J| = {ZooProblem<double>.ResolvableGradientRatio * cost:e3}, but SmallGradientTensors is [{string.Join(", ", problem.SmallGradientTensors)}]");
                }
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("tensors with gradients too small to judge in float, or declared so wrongly", findings));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Problems))]
    public void Every_bug_is_plainly_wrong_where_the_cost_is_smooth(int index)
    {
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> problem = Zoo.Problems<double>()[index](seed);
            List<ReferenceDifference.Probe> probes = ReferenceDifference.ProbeAll(problem);
            IEnumerable<(string Name, Dictionary<string, double[,]> Gradients)> bugs =
                PlantedBugs.Structural(problem, problem.Gradient()).Select(bug => (bug.Name, bug.Gradients))
                    .Concat(problem.SemanticBugs.Select(bug => (bug.Name, bug.Gradient())));
            foreach ((string name, Dictionary<string, double[,]> gradients) in bugs)
            {
                if (!probes.Exists(probe => probe.PlainlyRejects(gradients[probe.Tensor][probe.Row, probe.Column])))
                {
                    findings.Add($"seed {seed}: {name} is within 1e-3 of the reference at every smooth entry");
                }
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("bugs that are not plainly wrong", findings));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Problems))]
    public void Problems_are_small_deterministic_and_read_their_parameters_only(int index)
    {
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> problem = Zoo.Problems<double>()[index](seed);
            ZooProblem<double> again = Zoo.Problems<double>()[index](seed);
            ZooProblem<float> single = Zoo.Problems<float>()[index](seed);
            Dictionary<string, double[,]> before = PlantedBugs.DeepCopy(problem.Parameters);
            double cost = problem.Cost();
            Dictionary<string, double[,]> gradient = problem.Gradient();
            Dictionary<string, double[,]>[] wrong = [.. problem.SemanticBugs.Select(bug => bug.Gradient())];

            using (Assert.EnterMultipleScope())
            {
                Assert.That(problem.Seed, Is.EqualTo(seed));
                Assert.That(problem.ParameterCount, Is.InRange(10, 150), "small enough for 20 seeds x 2 types in CI");
                Assert.That(problem.SemanticBugs, Is.Not.Empty);
                Assert.That(again.Parameters, Is.EqualTo(problem.Parameters), "same seed, same parameters");
                Assert.That(again.Cost(), Is.EqualTo(cost), "same seed, same cost");
                Assert.That(problem.Parameters, Is.EqualTo(before), "Cost, Gradient and the bugs only read the parameters");
                Assert.That(problem.Cost(), Is.EqualTo(cost), "Cost caches nothing that changes it");
                Assert.That(double.IsFinite(cost), Is.True);
                Assert.That(single.Parameters.Keys, Is.EqualTo(problem.Parameters.Keys), "float and double build the same problem");
                Assert.That((double)single.Cost(), Is.EqualTo(cost).Within(1e-4 * Math.Max(1.0, Math.Abs(cost))), "float and double build the same problem");
                foreach (Dictionary<string, double[,]> gradients in wrong.Prepend(gradient))
                {
                    Assert.That(gradients.Keys, Is.EqualTo(problem.Parameters.Keys), "gradients keyed by parameter name, in order");
                    foreach ((string name, double[,] parameter) in problem.Parameters)
                    {
                        Assert.That(gradients[name].GetLength(0), Is.EqualTo(parameter.GetLength(0)), name);
                        Assert.That(gradients[name].GetLength(1), Is.EqualTo(parameter.GetLength(1)), name);
                    }
                }
            }
        }
    }

    [Test]
    public void The_catalogue_has_the_required_problems_and_semantic_bugs()
    {
        IReadOnlyList<ZooProblem<double>> problems = [.. Zoo.Problems<double>().Select(factory => factory(1))];
        string[] bugs = [.. problems.SelectMany(problem => problem.SemanticBugs.Select(bug => bug.Name))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(problem => problem.Name), Is.Unique);
            Assert.That(problems.Count(problem => problem.HasKinks), Is.GreaterThanOrEqualTo(3));
            Assert.That(bugs, Has.Some.Contains("tanh' written as sigmoid'"));
            Assert.That(bugs, Has.Some.Contains("first example only"));
            Assert.That(bugs, Has.Some.Contains("1/m left out"));
            Assert.That(bugs, Has.Some.Contains("L2 term left out of dW"));
            Assert.That(bugs, Has.Some.Contains("mean and variance treated as constants"));
            Assert.That(bugs, Has.Some.Contains("kernel flipped in the kernel gradient"));
        }
    }
}
