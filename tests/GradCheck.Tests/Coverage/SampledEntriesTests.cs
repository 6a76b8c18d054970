using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Coverage;

public class SampledEntriesTests
{
    private static readonly GradientCheckOptions Sampled = new() { Coverage = CheckCoverage.SampledEntries(16, seed: 3), Method = DifferenceMethod.CentralTwoPoint };

    [Test]
    public void Differentiates_k_entries_of_each_tensor_and_every_entry_of_a_smaller_one()
    {
        var network = new SeedNetwork();

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.Gradients(), Sampled);

        Assert.That(report.Passed, Is.True, report.ToString());
        Assert.That(report.Tensors.Select(tensor => tensor.CheckedEntryCount), Is.EqualTo(new[] { 16, 5, 16, 5, 5, 1 }));
        Assert.That(report.CostEvaluations, Is.EqualTo(3 + (2 * (16 + 5 + 16 + 5 + 5 + 1))));
    }

    [Test]
    public void Names_the_seeds_bugs_with_the_factor_of_every_checked_entry()
    {
        var network = new SeedNetwork();

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.GradientsWithSeedBugs(), Sampled);

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EquivalentTo(new[] { "b1", "W2" }));
        Assert.That(report.ToString(), Does.Contain("W2: every checked entry (16 of 25) is 2.000x the numerical gradient"));
        Assert.That(report.ToString(), Does.Contain("b1: every entry is 4.000x the numerical gradient"));
    }

    [Test]
    public void Marks_the_entries_it_did_not_differentiate_as_not_checked_neither_passed_nor_failed()
    {
        var network = new SeedNetwork();

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.GradientsWithSeedBugs(), Sampled);

        TensorReport w2 = report.Tensors.Single(tensor => tensor.Name == "W2");
        EntryReport[] entries = [.. Enumerable.Range(0, w2.EntryCount).Select(w2.Entry)];
        Assert.That(entries.Count(entry => entry.Outcome == EntryOutcome.NotChecked), Is.EqualTo(25 - 16));
        Assert.That(entries.Where(entry => entry.Outcome == EntryOutcome.NotChecked), Has.All.Property(nameof(EntryReport.Passed)).False.And.Property(nameof(EntryReport.Failed)).False);
        Assert.That(w2.FailedEntryCount, Is.EqualTo(16));
    }

    [Test]
    public void Draws_the_same_entries_for_the_same_seed_and_others_for_another()
    {
        double[] theta = [.. Enumerable.Range(0, 1000).Select(i => Math.Sin(i))];
        double[] gradient = [.. theta.Select(value => 2 * value)];
        GradientCheckReport first = GradientChecker.Check(SquaredNorm, theta, gradient, Sampled);
        GradientCheckReport again = GradientChecker.Check(SquaredNorm, theta, gradient, Sampled);
        GradientCheckReport reseeded = GradientChecker.Check(SquaredNorm, theta, gradient, Sampled with { Coverage = CheckCoverage.SampledEntries(16, seed: 4) });

        Assert.That(CheckedIndices(again), Is.EqualTo(CheckedIndices(first)));
        Assert.That(CheckedIndices(first), Has.Length.EqualTo(16).And.Unique);
        Assert.That(CheckedIndices(reseeded), Is.Not.EqualTo(CheckedIndices(first)));
    }

    [Test]
    public void Refuses_a_sample_of_no_entries()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckCoverage.SampledEntries(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckCoverage.RandomDirections(directionsPerTensor: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckCoverage.RandomDirections(entriesLocalised: 0));
    }

    private static int[] CheckedIndices(GradientCheckReport report)
    {
        TensorReport tensor = report.Tensors[0];
        return [.. Enumerable.Range(0, tensor.EntryCount).Where(index => tensor.Entry(index).Outcome != EntryOutcome.NotChecked)];
    }

    private static double SquaredNorm(double[] x) => x.Sum(value => value * value);
}
