using System.Globalization;
using System.Numerics;

namespace GradCheck.Zoo.Tests;

/// <summary>
/// The zoo proves the problem classes added for the measured-noise engine are what they say,
/// over all 20 seeds: cancelling sums cancel by 100 to 1000, the half-grid ReLU networks' kinks and
/// one-sided derivatives are what the exact analysis says and their backward pass is ReLU'(0) = 0
/// everywhere, and the small-gradient tensors are as small as declared in float as in double.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ZooClassesSanityTests
{
    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.CancellingProblemsAndTypes))]
    public void Cancelling_sums_cancel_by_100_to_1000(int index, string type)
    {
        double[] ratios = type == "double" ? Ratios<double>(index) : Ratios<float>(index);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Zoo.Names[index]} ({type}): Σ|w op| / |J| from {ratios.Min():0.0} to {ratios.Max():0.0} over seeds {Zoo.Seeds[0]} to {Zoo.Seeds[^1]}"));
        string[] outside = [.. ratios
            .Select((ratio, seed) => (Ratio: ratio, Seed: Zoo.Seeds[seed]))
            .Where(pair => pair.Ratio is < CancellingSum<double>.SmallestRatio or > CancellingSum<double>.LargestRatio)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"seed {pair.Seed}: {pair.Ratio:0.0}"))];
        Assert.That(outside, Is.Empty, () => ZooCases.Listing($"seeds of {Zoo.Names[index]} ({type}) whose cancellation ratio is outside [100, 1000]", outside));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.HalfGridProblems))]
    public void Half_grid_networks_take_relu_prime_0_everywhere(int index)
    {
        // The frozen-pattern cost is quadratic along every entry, so its central difference is exact up to
        // round-off; its derivative at the point is what ReLU'(0) = 0 gives, at kinks and away from them.
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            var problem = (HalfGridReluNetwork<double>)Zoo.Problems<double>()[index](seed);
            Dictionary<string, double[,]> gradient = problem.Gradient();
            double floor = 1e-8 * Math.Max(1.0, Math.Abs(problem.Cost()));
            foreach ((string name, double[,] parameter) in problem.Parameters)
            {
                for (int i = 0; i < parameter.GetLength(0); i++)
                {
                    for (int j = 0; j < parameter.GetLength(1); j++)
                    {
                        double original = parameter[i, j];
                        parameter[i, j] = original + ReferenceDifference.Step;
                        double plus = problem.FrozenPatternCost();
                        parameter[i, j] = original - ReferenceDifference.Step;
                        double minus = problem.FrozenPatternCost();
                        parameter[i, j] = original;
                        double central = (plus - minus) / (2 * ReferenceDifference.Step);
                        double analytic = gradient[name][i, j];
                        if (Math.Abs(analytic - central) > (1e-6 * Math.Max(Math.Abs(analytic), Math.Abs(central))) + floor)
                        {
                            findings.Add($"seed {seed}: {ZooProblem<double>.EntryLabel(name, i, j)} analytic {analytic:e6}, frozen-pattern central {central:e6}");
                        }
                    }
                }
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("entries where the backward pass is not ReLU'(0) = 0", findings));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.HalfGridProblems))]
    public void Half_grid_kinks_and_one_sided_derivatives_are_what_the_exact_analysis_says(int index)
    {
        var findings = new List<string>();
        int outsideSeeds = 0;
        foreach (int seed in Zoo.Seeds)
        {
            var problem = (HalfGridReluNetwork<double>)Zoo.Problems<double>()[index](seed);
            outsideSeeds += problem.EntriesOutsideOneSidedDerivatives.Count > 0 ? 1 : 0;
            foreach (ReferenceDifference.Probe probe in ReferenceDifference.ProbeAll(problem))
            {
                // A one-sided difference is off by h |J''| / 2 ≈ 1e-6 |J''| from the one-sided derivative.
                (double left, double right) = problem.OneSidedDerivatives[probe.Label];
                if (Math.Abs(probe.Forward - right) > 1e-5 * Math.Max(1.0, Math.Abs(right)) || Math.Abs(probe.Backward - left) > 1e-5 * Math.Max(1.0, Math.Abs(left)))
                {
                    findings.Add($"seed {seed}: {probe.Label} one-sided differences {probe.Backward:e6} / {probe.Forward:e6}, analysis {left:e6} / {right:e6}");
                }

                if (probe.IsKink && !probe.Declared)
                {
                    findings.Add($"seed {seed}: {probe.Label} is a kink the analysis missed");
                }
            }

            if (!problem.MeetingKinkEntries.All(problem.KinkEntries.Contains) || !problem.EntriesOutsideOneSidedDerivatives.All(problem.MeetingKinkEntries.Contains))
            {
                findings.Add($"seed {seed}: outside ⊆ meeting ⊆ kinks does not hold");
            }

            if (problem.MeetingKinkEntries.Count == 0)
            {
                findings.Add($"seed {seed}: no kinks meet");
            }
        }

        TestContext.Out.WriteLine($"{Zoo.Names[index]}: {outsideSeeds} of {Zoo.Seeds.Count} seeds have entries where ReLU'(0) = 0 is outside the one-sided derivatives");
        Assert.That(findings, Is.Empty, () => ZooCases.Listing("findings against the exact analysis", findings));
        Assert.That(outsideSeeds, Is.GreaterThanOrEqualTo(Zoo.Seeds.Count / 2), "at least half the seeds (the odd ones, by construction) have a correct value outside the one-sided derivatives");
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Problems))]
    public void Float_and_double_build_the_same_kinks_and_small_tensors(int index)
    {
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> inDouble = Zoo.Problems<double>()[index](seed);
            ZooProblem<float> inFloat = Zoo.Problems<float>()[index](seed);
            if (!inDouble.KinkEntries.ToHashSet().SetEquals(inFloat.KinkEntries) ||
                !inDouble.MeetingKinkEntries.ToHashSet().SetEquals(inFloat.MeetingKinkEntries) ||
                !inDouble.SmallGradientTensors.ToHashSet().SetEquals(inFloat.SmallGradientTensors))
            {
                findings.Add($"seed {seed}: kinks [{string.Join(", ", inDouble.KinkEntries)}] / [{string.Join(", ", inFloat.KinkEntries)}], " +
                    $"meeting [{string.Join(", ", inDouble.MeetingKinkEntries)}] / [{string.Join(", ", inFloat.MeetingKinkEntries)}], " +
                    $"small [{string.Join(", ", inDouble.SmallGradientTensors)}] / [{string.Join(", ", inFloat.SmallGradientTensors)}]");
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("seeds where float and double differ (double / float)", findings));
    }

    [Test]
    public void The_catalogue_has_the_classes_of_issue_14()
    {
        IReadOnlyList<ZooProblem<double>> problems = [.. Zoo.Problems<double>().Select(factory => factory(1))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.OfType<CancellingSum<double>>().Count(), Is.GreaterThanOrEqualTo(3), "cancelling sums");
            Assert.That(problems.Select(problem => problem.Name), Is.SupersetOf(new[] { "attention-cancelling", "solve-cancelling", "cumulative-cancelling" }));
            Assert.That(problems.Count(problem => problem.MeetingKinkEntries.Count > 0), Is.GreaterThanOrEqualTo(2), "kinks that meet, with and without zero-initialised layers");
            Assert.That(problems.Count(problem => problem.SmallGradientTensors.Count > 0 && problem.SmallGradientTensors.Count < problem.Parameters.Count), Is.GreaterThanOrEqualTo(2), "small-gradient tensors next to resolvable ones");
            Assert.That(ZooCases.AwaitingEngine.Select(awaited => awaited.Split('/')[1]).Distinct(), Is.SubsetOf(ZooCases.MeasuredNoiseProblems), "only the new problems' verdict tests may wait for the engine");
            Assert.That(ZooCases.MeasuredNoiseProblems, Is.SubsetOf(problems.Select(problem => problem.Name)));
        }
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.SmallGradientProblems))]
    public void Small_gradient_tensors_are_5e_4_to_1e_2_of_the_cost(int index)
    {
        var findings = new List<string>();
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<double> problem = Zoo.Problems<double>()[index](seed);
            IReadOnlyDictionary<string, double> ratios = problem.GradientRatios();
            string[] wrong = [.. problem.SmallGradientTensors.Where(name => ratios[name] is < 5e-4 or >= 1e-2)];
            if (wrong.Length > 0 || problem.SmallGradientTensors.Count == 0)
            {
                findings.Add($"seed {seed}: " + string.Join(", ", ratios.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:e2}"))));
            }
        }

        Assert.That(findings, Is.Empty, () => ZooCases.Listing("seeds whose small tensors are not 5e-4 to 1e-2 of |J| (max |g| / |J| per tensor)", findings));
    }

    private static double[] Ratios<T>(int index)
        where T : IFloatingPointIeee754<T> =>
        [.. Zoo.Seeds.Select(seed => ((CancellingSum<T>)Zoo.Problems<T>()[index](seed)).CancellationRatio)];
}
