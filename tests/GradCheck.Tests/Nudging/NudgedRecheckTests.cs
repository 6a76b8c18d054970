using System.Numerics;
using GradCheck.Layers;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using GradCheck.Testing;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Nudging;

/// <summary>
/// The re-check at a point nudged off the ties, in double and in float, on ReLU networks on the half
/// grid whose kinks meet at the given point: seed 19's has three entries not checkable there, seed 8's
/// zero-initialised one has nothing checkable in W1. Where the check has the backward pass (a problem, a
/// layer check) those entries are decided at the nudged point, every other entry keeps its verdict, and
/// every parameter ends as it began.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class NudgedRecheckTests<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>
    /// The seed of dy in the layer checks of layer 2: whether an entry where kinks meet is not checkable
    /// depends on the signs of dy there, and with this seed W[0,1] and W[0,2] are not, in float and double,
    /// and W[0,1] plus 0.5 is not either (with seed 1, for one, W[0,1] plus 0.5 lies between the one-sided
    /// derivatives and passes as a subgradient).
    /// </summary>
    private const int KinksMeetSeed = 3;

    private static readonly GradientCheckOptions Off = new() { RecheckAtNudgedPoint = false };

    [TestCase(19, false)]
    [TestCase(8, true)]
    public void A_right_backward_pass_passes_with_every_entry_not_checkable_at_the_given_point_decided_at_a_nudged_point(int seed, bool zeroInitialised)
    {
        var net = new HalfGridReluNetwork<T>(seed, zeroInitialised);
        GradientProblem<T> problem = Problem(net);

        GradientCheckReport given = problem.Check(Off);
        GradientCheckReport nudged = problem.Check();

        string[] notCheckable = Labels(given, entry => entry.Outcome == EntryOutcome.NotCheckable);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(notCheckable, Is.Not.Empty, "the network was drawn for kinks that meet at the given point");
            Assert.That(nudged.Passed, Is.True, nudged.ToString);
            Assert.That(nudged.Tensors.Sum(tensor => tensor.NotCheckableCount), Is.Zero, nudged.ToString);
            Assert.That(Labels(nudged, entry => entry.NudgedPoint > 0), Is.EqualTo(notCheckable));
            Assert.That(nudged.ToString(), Does.Contain($"Kinks that may meet: {string.Join(", ", notCheckable.Take(8))}{(notCheckable.Length > 8 ? $" and {notCheckable.Length - 8} more" : string.Empty)} were not checkable at the given point and were re-checked at"));
            Assert.That(nudged.ToString(), Does.Contain("nudged off the ties (seed 1; every parameter moved by"));
            Assert.That(nudged.Summary, Does.Contain($"{notCheckable.Length} entries re-checked at a point nudged off the ties"));
        }
    }

    [Test]
    public void A_zero_initialised_layer_that_fails_as_nothing_checkable_at_the_given_point_passes_once_nudged()
    {
        var net = new HalfGridReluNetwork<T>(8, zeroInitialised: true);
        GradientProblem<T> problem = Problem(net);

        GradientCheckReport given = problem.Check(Off);
        GradientCheckReport nudged = problem.Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(given.Tensors.Single(tensor => tensor.Name == "W1").NothingCheckable, Is.True, given.ToString);
            Assert.That(given.Passed, Is.False);
            Assert.That(nudged.Passed, Is.True, nudged.ToString);
        }
    }

    [TestCase(19, false)]
    [TestCase(8, true)]
    public void A_bug_on_an_entry_not_checkable_at_the_given_point_fails_at_the_nudged_point(int seed, bool zeroInitialised)
    {
        var net = new HalfGridReluNetwork<T>(seed, zeroInitialised);
        GradientCheckReport given = Problem(net).Check(Off);
        EntryReport[] notCheckable = [.. given.Tensors.SelectMany(tensor => Enumerable.Range(0, tensor.EntryCount).Select(tensor.Entry)).Where(entry => entry.Outcome == EntryOutcome.NotCheckable)];
        Assume.That(notCheckable, Is.Not.Empty);

        var missed = new List<string>();
        foreach (EntryReport entry in notCheckable)
        {
            // 20% of the gradient's scale, pushed away from the one-sided derivatives, so that the bug
            // stays not checkable at the given point: only the nudged point can see it.
            (int row, int column) = (entry.FlatIndex / 3, entry.FlatIndex % 3);
            int sign = entry.Analytic < entry.OneSidedLow ? -1 : 1;
            GradientProblem<T> buggy = GradientProblem.Create("bug", net.Parameters, net.Cost, () => net.GradientWrongAt("dW1", row, column, 0.2, sign));

            GradientCheckReport atGiven = buggy.Check(Off);
            GradientCheckReport report = buggy.Check();

            Assert.That(atGiven.Tensors[0].Entry(entry.FlatIndex).Outcome, Is.EqualTo(EntryOutcome.NotCheckable), "the bug is not checkable at the given point");
            EntryReport there = report.Tensors[0].Entry(entry.FlatIndex);
            if (report.Passed || !there.Failed || there.NudgedPoint == 0 || !report.ToString().Contains($"{entry.Label} fails at nudged point {there.NudgedPoint}: a = ", StringComparison.Ordinal))
            {
                missed.Add($"{entry.Label}: {report}");
            }
        }

        Assert.That(missed, Is.Empty);
    }

    [Test]
    public void Every_entry_checkable_at_the_given_point_keeps_its_values_and_verdict()
    {
        GradientProblem<T> problem = Problem(new HalfGridReluNetwork<T>(19));

        GradientCheckReport given = problem.Check(Off);
        GradientCheckReport nudged = problem.Check();

        var changed = new List<string>();
        for (int t = 0; t < given.Tensors.Count; t++)
        {
            for (int i = 0; i < given.Tensors[t].EntryCount; i++)
            {
                EntryReport before = given.Tensors[t].Entry(i);
                EntryReport after = nudged.Tensors[t].Entry(i);
                if (before.Outcome != EntryOutcome.NotCheckable && !Values(after).Equals(Values(before)))
                {
                    changed.Add($"{before} became {after}");
                }
            }
        }

        Assert.That(changed, Is.Empty);
    }

    [Test]
    public void Every_parameter_ends_bit_for_bit_as_it_began()
    {
        var net = new HalfGridReluNetwork<T>(19);
        Dictionary<string, ulong[]> before = Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));

        GradientCheckReport report = Problem(net).Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors.Sum(tensor => tensor.NudgedCount), Is.Positive, "the point was nudged");
            Assert.That(Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_backward_pass_that_throws_at_the_nudged_point_ends_the_check_naming_it_with_every_parameter_restored()
    {
        var net = new HalfGridReluNetwork<T>(19);
        Dictionary<string, ulong[]> before = Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));
        int calls = 0;
        GradientProblem<T> problem = GradientProblem.Create("throws", net.Parameters, net.Cost, () => ++calls == 1 ? net.Gradient() : throw new InvalidOperationException("no buffer"));

        var exception = Assert.Throws<CostEvaluationException>(() => problem.Check());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("the point nudged off the ties (seed 1), in the backward pass").And.Contain("no buffer"));
            Assert.That(exception.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_cost_that_throws_at_the_nudged_point_ends_the_check_naming_it_with_every_parameter_restored()
    {
        var net = new HalfGridReluNetwork<T>(19);
        Dictionary<string, ulong[]> before = Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));

        // The check at the given point moves one entry at a time; the nudge moves them all.
        T Cost() => Moved(net, before) > 1 ? throw new InvalidOperationException("off the grid") : net.Cost();
        GradientProblem<T> problem = GradientProblem.Create("throws", net.Parameters, Cost, net.Gradient);

        var exception = Assert.Throws<CostEvaluationException>(() => problem.Check());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("nudged off the ties (seed 1)").And.Contain("off the grid"));
            Assert.That(Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_check_cancelled_during_the_re_check_says_so_with_every_parameter_restored()
    {
        var net = new HalfGridReluNetwork<T>(19);
        Dictionary<string, ulong[]> before = Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));
        using var cancellation = new CancellationTokenSource();
        int calls = 0;
        GradientProblem<T> problem = GradientProblem.Create("cancelled", net.Parameters, net.Cost, () =>
        {
            if (++calls == 2)
            {
                cancellation.Cancel();
            }

            return net.Gradient();
        });

        var exception = Assert.Throws<OperationCanceledException>(() => problem.Check(new GradientCheckOptions { CancellationToken = cancellation.Token }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("was cancelled while re-checking the entries not checkable at the given point at a point nudged off the ties"));
            Assert.That(Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_cost_that_is_not_finite_at_the_nudged_point_leaves_the_entries_not_checkable_and_says_why()
    {
        var net = new HalfGridReluNetwork<T>(19);
        Dictionary<string, ulong[]> before = Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));
        T Cost() => Moved(net, before) > 1 ? T.NaN : net.Cost();

        GradientCheckReport report = GradientProblem.Create("NaN there", net.Parameters, Cost, net.Gradient).Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors.Sum(tensor => tensor.NotCheckableCount), Is.EqualTo(3));
            Assert.That(report.ToString(), Does.Contain("Kinks that may meet: 3 entries not checkable at the given point could not be re-checked at a point nudged off the ties (seed 1;"));
            Assert.That(report.ToString(), Does.Contain("): the cost is NaN there; they stay not checkable"));
            Assert.That(Bits.Of(net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(before));
        }
    }

    [Test]
    public void The_nudge_seed_is_printed_and_the_same_seed_gives_the_same_report()
    {
        GradientProblem<T> problem = Problem(new HalfGridReluNetwork<T>(19));
        var seven = new GradientCheckOptions { NudgeSeed = 7 };

        string first = problem.Check(seven).ToString();
        string again = problem.Check(seven).ToString();
        string seedOne = problem.Check().ToString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(first, Does.Contain("nudged off the ties (seed 7;"));
            Assert.That(first, Does.Contain("NudgeSeed = 7 }"));
            Assert.That(seedOne, Does.Not.Contain("NudgeSeed"), "the default seed is not written with the options");
        }
    }

    [Test]
    public void Switched_off_the_entries_stay_not_checkable_and_the_backward_pass_runs_once()
    {
        var net = new HalfGridReluNetwork<T>(19);
        int calls = 0;
        GradientProblem<T> problem = GradientProblem.Create("counted", net.Parameters, net.Cost, () =>
        {
            calls++;
            return net.Gradient();
        });

        GradientCheckReport report = problem.Check(Off);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(report.Tensors.Sum(tensor => tensor.NotCheckableCount), Is.EqualTo(3));
            Assert.That(report.ToString(), Does.Not.Contain("Kinks that may meet"));
            Assert.That(report.ToString(), Does.Contain("RecheckAtNudgedPoint = false }"));
        }
    }

    [Test]
    public void A_gradient_checked_alone_has_no_backward_pass_to_run_and_its_entries_stay_not_checkable()
    {
        var net = new HalfGridReluNetwork<T>(19);

        GradientCheckReport report = GradientChecker.Check(net.Cost, net.Parameters, net.Gradient());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors.Sum(tensor => tensor.NotCheckableCount), Is.EqualTo(3));
            Assert.That(report.ToString(), Does.Not.Contain("Kinks that may meet"));
        }
    }

    [Test]
    public void A_flat_problem_is_re_checked_on_copies_and_theta_is_never_modified()
    {
        // J = relu(t0 - t1) - 2 relu(t1 - t0) + t2²: along t0 at t0 = t1 two units switch from opposite
        // sides, slopes 2 on the left and 1 on the right, and ReLU'(0) = 0 gives 0, outside both.
        T[] theta = [T.CreateTruncating(0.5), T.CreateTruncating(0.5), T.One];
        ulong[] before = Bits.Of(theta);
        static T Cost(T[] t) => T.Max(t[0] - t[1], T.Zero) - (T.CreateTruncating(2) * T.Max(t[1] - t[0], T.Zero)) + (t[2] * t[2]);
        static T[] Gradient(T[] t)
        {
            T on = t[0] - t[1] > T.Zero ? T.One : T.Zero;
            T off = t[1] - t[0] > T.Zero ? T.CreateTruncating(2) : T.Zero;
            T[] g = [on + off, -on - off, T.CreateTruncating(2) * t[2]];

            // A backward pass that scribbles on its argument must reach neither theta nor the check's point.
            Array.Fill(t, T.NaN);
            return g;
        }

        GradientCheckReport report = GradientProblem.Create<T>("flat", Cost, theta, Gradient).Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(report.Tensors[0].NudgedCount, Is.EqualTo(2), "theta[0] and theta[1]");
            Assert.That(Bits.Of(theta), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_layer_check_re_checks_its_kinks_that_meet_and_leaves_the_layer_and_its_input_as_they_were()
    {
        var layer = new HalfGridReluLayer<T>(2);
        ulong[] input = Bits.Of(layer.Input);
        Dictionary<string, ulong[]> parameters = Bits.Of(layer.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));

        GradientCheckReport given = Check(layer, Off);
        GradientCheckReport report = Check(layer, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Labels(given, entry => entry.Outcome == EntryOutcome.NotCheckable), Is.EqualTo(new[] { "W[0,1]", "W[0,2]" }), given.ToString);
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(Labels(report, entry => entry.NudgedPoint > 0), Is.EqualTo(new[] { "W[0,1]", "W[0,2]" }));
            Assert.That(report.Notes, Has.One.StartsWith($"Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed {KinksMeetSeed}"));
            Assert.That(Bits.Of(layer.Input), Is.EqualTo(input));
            Assert.That(Bits.Of(layer.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(parameters));
        }
    }

    [Test]
    public void A_layer_bug_on_an_entry_not_checkable_at_the_given_point_fails_at_the_nudged_point()
    {
        var layer = new HalfGridReluLayer<T>(2, bug: (0, 1, 0.5));

        GradientCheckReport report = Check(layer, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W" }), report.ToString);
            Assert.That(report.Tensors[1].Entry(1).NudgedPoint, Is.Positive);
            Assert.That(report.ToString(), Does.Contain("W[0,1] fails at nudged point"));
            Assert.That(HtmlReport.Create(report, "nudged"), Does.Contain("at nudged point " + report.Tensors[1].Entry(1).NudgedPoint + ": not checkable at the given point"));
        }
    }

    private static GradientProblem<T> Problem(HalfGridReluNetwork<T> net) =>
        GradientProblem.Create("half grid", net.Parameters, net.Cost, net.Gradient);

    /// <summary>The layer check of <paramref name="layer"/>, with dy drawn from <see cref="KinksMeetSeed"/>.</summary>
    private static GradientCheckReport Check(HalfGridReluLayer<T> layer, GradientCheckOptions? options) =>
        Layer.Of(layer.Input, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).WithSeed(KinksMeetSeed).Check(options);

    private static string[] Labels(GradientCheckReport report, Func<EntryReport, bool> which) =>
        [.. report.Tensors.SelectMany(tensor => Enumerable.Range(0, tensor.EntryCount).Select(tensor.Entry)).Where(which).Select(entry => entry.Label)];

    /// <summary>How many parameter entries differ from <paramref name="given"/>: one while the check perturbs an entry, all once nudged.</summary>
    private static int Moved(HalfGridReluNetwork<T> net, Dictionary<string, ulong[]> given) =>
        net.Parameters.Sum(pair => Bits.Of(pair.Value).Zip(given[pair.Key]).Count(bits => bits.First != bits.Second));

    /// <summary>Everything an entry's report holds, to compare two reports of it (Equals holds NaN equal to NaN).</summary>
    private static (string, double, double, double, double, double, EntryOutcome, double, double) Values(EntryReport entry) =>
        (entry.Label, entry.Analytic, entry.Numeric, entry.AbsoluteError, entry.RelativeError, entry.Bound, entry.Outcome, entry.OneSidedLow, entry.OneSidedHigh);
}
