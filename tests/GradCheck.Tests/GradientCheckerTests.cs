using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using GradCheck.Tests.Support;

namespace GradCheck.Tests;

/// <summary>
/// End to end through <see cref="GradientChecker"/>, with the default tolerance unless said otherwise,
/// once in double and once in float: correct gradients pass, gradients wrong on purpose fail and the
/// report names the wrong tensors, and the caller's arrays end as they began.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class GradientCheckerTests<T>
    where T : IFloatingPointIeee754<T>
{
    [Test]
    public void Passes_the_correct_gradient_of_a_linear_model([Values(1, 2, 3)] int seed)
    {
        var model = new LinearModel<T>(seed);
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient());
        Assert.That(report.Passed, Is.True, report.ToString);
    }

    [Test]
    public void Passes_the_correct_gradient_of_a_quadratic([Values(1, 2, 3)] int seed)
    {
        var quadratic = new Quadratic<T>(seed, size: 5);
        T[] theta = Functions.Uniform<T>(new Random(seed + 100), 5, 1.0);
        GradientCheckReport report = GradientChecker.Check(quadratic.Cost, theta, quadratic.Gradient(theta));
        Assert.That(report.Passed, Is.True, report.ToString);
    }

    [Test]
    public void Passes_the_correct_gradient_of_log_sum_exp([Values(1, 2, 3)] int seed)
    {
        T[] theta = Functions.Uniform<T>(new Random(seed), 6, 3.0);
        GradientCheckReport report = GradientChecker.Check(v => Functions.LogSumExp<T>(v), theta, Functions.Softmax<T>(theta));
        Assert.That(report.Passed, Is.True, report.ToString);
    }

    [Test]
    public void Passes_the_correct_gradient_of_a_two_layer_tanh_network([Values(1, 2, 3, 4, 5)] int seed)
    {
        var network = new TanhNetwork<T>(seed);
        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(report.Tensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W1", "b1", "W2", "b2" }));
        }
    }

    [Test]
    public void Passes_an_all_zero_gradient_where_the_true_gradient_is_zero()
    {
        // J = Σ (θᵢ - cᵢ)² + cos(θᵢ - cᵢ) at θ = c: the true gradient is 0, and the numerical one is 0 up to
        // the rounding of c ± h (not exactly 0), which the absolute part of the rule must absorb.
        T[] c = Functions.Uniform<T>(new Random(5), 6, 1.0);
        T Cost(T[] theta)
        {
            T total = T.Zero;
            for (int i = 0; i < theta.Length; i++)
            {
                T d = theta[i] - c[i];
                total += (d * d) + T.Cos(d);
            }

            return total;
        }

        GradientCheckReport report = GradientChecker.Check(Cost, (T[])c.Clone(), new T[c.Length]);
        Assert.That(report.Passed, Is.True, report.ToString);
    }

    [Test]
    public void Fails_one_tensor_scaled_by_1_01_and_names_only_that_tensor()
    {
        var network = new TanhNetwork<T>(1);
        Dictionary<string, Array> gradient = network.Gradient();
        Arrays.Transform<T>(gradient["dW2"], g => g * T.CreateTruncating(1.01));

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W2" }));
        }
    }

    [Test]
    public void Fails_the_whole_gradient_scaled_by_1_01()
    {
        var model = new LinearModel<T>(2);
        Dictionary<string, Array> gradient = model.Gradient();
        foreach (Array tensor in gradient.Values)
        {
            Arrays.Transform<T>(tensor, g => g * T.CreateTruncating(1.01));
        }

        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, gradient);
        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W", "b" }));
    }

    [Test]
    public void Fails_every_entry_of_a_gradient_with_its_sign_flipped()
    {
        var quadratic = new Quadratic<T>(4, size: 5);
        T[] theta = Functions.Uniform<T>(new Random(104), 5, 1.0);
        T[] flipped = [.. quadratic.Gradient(theta).Select(g => -g)];

        GradientCheckReport report = GradientChecker.Check(quadratic.Cost, theta, flipped);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(5));
        }
    }

    [Test]
    public void Fails_the_one_entry_that_was_changed_and_names_it()
    {
        var network = new TanhNetwork<T>(2);
        Dictionary<string, Array> gradient = network.Gradient();
        var dW1 = (T[,])gradient["dW1"];

        // 0.01 is far outside either type's bound for an entry of order 0.1 (1e-4 for float, 1e-7 for double).
        dW1[1, 2] += T.CreateTruncating(0.01);

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient);
        TensorReport w1 = report.Tensors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W1" }));
            Assert.That(w1.FailedEntryCount, Is.EqualTo(1));
            Assert.That(w1.WorstEntries[0].Label, Is.EqualTo("W1[1,2]"));
            Assert.That(w1.WorstEntries[0].FlatIndex, Is.EqualTo(5));
        }
    }

    [Test]
    public void Fails_two_same_shape_tensors_swapped_and_names_only_those()
    {
        var network = new TanhNetwork<T>(3);
        Dictionary<string, Array> gradient = network.Gradient();
        (gradient["dW1"], gradient["dW2"]) = (gradient["dW2"], gradient["dW1"]);

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient);
        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W1", "W2" }));
    }

    [Test]
    public void Fails_a_network_gradient_missing_its_one_over_m()
    {
        var network = new TanhNetwork<T>(4);
        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(dropOneOverM: true));
        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W1", "b1", "W2", "b2" }));
    }

    [Test]
    public void Fails_a_linear_model_gradient_missing_its_one_over_m()
    {
        var model = new LinearModel<T>(5);
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient(dropOneOverM: true));
        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W", "b" }));
    }

    [Test]
    public void Evaluates_the_cost_four_times_per_entry_where_the_inner_points_decide_and_six_where_a_wrong_entry_needs_confirming()
    {
        var network = new TanhNetwork<T>(1);
        int calls = 0;
        T Counted()
        {
            calls++;
            return network.Cost();
        }

        GradientCheckReport right = GradientChecker.Check(Counted, network.Parameters, network.Gradient());
        int rightCalls = calls;
        calls = 0;
        var wrong = network.Gradient();
        foreach (Array gradient in wrong.Values)
        {
            foreach (int[] index in Indices(gradient))
            {
                gradient.SetValue((T)gradient.GetValue(index)! * T.CreateTruncating(2), index);
            }
        }

        GradientCheckReport doubled = GradientChecker.Check(Counted, network.Parameters, wrong);

        // W1 (3, 3) + b1 (3) + W2 (3, 3) + b2 (3) = 24 entries: J(x) twice and once more at the end, x ± h
        // and x ± 2h for each entry, x ± 4h for the entries the inner points leave open: every entry of a
        // gradient that is wrong everywhere, and few of a right one.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(right.CostEvaluations, Is.EqualTo(rightCalls));
            Assert.That(right.CostEvaluations, Is.InRange(3 + (4 * 24), 3 + (4 * 24) + (2 * 4)), right.ToString);
            Assert.That(doubled.CostEvaluations, Is.EqualTo(calls));
            Assert.That(doubled.CostEvaluations, Is.EqualTo(3 + (6 * 24)));
        }
    }

    [Test]
    public void Evaluates_the_cost_twice_per_entry_with_the_two_point_rule()
    {
        var network = new TanhNetwork<T>(1);
        int calls = 0;
        GradientCheckReport report = GradientChecker.Check(
            () =>
            {
                calls++;
                return network.Cost();
            },
            network.Parameters,
            network.Gradient(),
            new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.CostEvaluations, Is.EqualTo(2 + (2 * 24) + 1));
            Assert.That(calls, Is.EqualTo(2 + (2 * 24) + 1));
            Assert.That(report.Method.Rule, Is.EqualTo(DifferenceMethod.CentralTwoPoint));
        }
    }

    [Test]
    public void Passes_a_correct_network_gradient_and_fails_one_off_by_1_percent_with_the_two_point_rule()
    {
        var network = new TanhNetwork<T>(2);
        var twoPoint = new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint };
        Dictionary<string, Array> wrong = network.Gradient();
        Arrays.Transform<T>(wrong["db1"], g => g * T.CreateTruncating(1.01));

        GradientCheckReport correct = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(), twoPoint);
        GradientCheckReport failing = GradientChecker.Check(network.Cost, network.Parameters, wrong, twoPoint);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(correct.Passed, Is.True, correct.ToString);
            Assert.That(failing.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "b1" }));
        }
    }

    [Test]
    public void Reports_the_cost_at_the_given_parameters()
    {
        var network = new TanhNetwork<T>(1);
        double expected = double.CreateTruncating(network.Cost());
        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient());
        Assert.That(report.Cost, Is.EqualTo(expected));
    }

    [Test]
    public void Leaves_parameters_and_gradients_bitwise_unchanged_after_a_passing_check()
    {
        (TanhNetwork<T> network, Dictionary<string, ulong[]> parameters) = NetworkWithAwkwardValues();
        Dictionary<string, Array> gradient = network.Gradient();
        Dictionary<string, ulong[]> gradientBits = Bits.Of(gradient);

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(parameters));
            Assert.That(Bits.Of(gradient), Is.EqualTo(gradientBits));
        }
    }

    [Test]
    public void Leaves_parameters_and_gradients_bitwise_unchanged_after_a_failing_check()
    {
        (TanhNetwork<T> network, Dictionary<string, ulong[]> parameters) = NetworkWithAwkwardValues();
        Dictionary<string, Array> gradient = network.Gradient(dropOneOverM: true);
        Dictionary<string, ulong[]> gradientBits = Bits.Of(gradient);

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(parameters));
            Assert.That(Bits.Of(gradient), Is.EqualTo(gradientBits));
        }
    }

    [Test]
    public void Restores_parameters_bitwise_after_the_cost_throws_at_a_perturbed_point()
    {
        (TanhNetwork<T> network, Dictionary<string, ulong[]> parameters) = NetworkWithAwkwardValues();
        T b1 = network.B1[1];
        var thrown = new InvalidOperationException("diverged");
        T Cost()
        {
            if (network.B1[1] != b1)
            {
                // Scribble on another tensor first, as a cost that fails halfway through an update might.
                network.W2[0, 0] = T.CreateTruncating(123);
                throw thrown;
            }

            return network.Cost();
        }

        var exception = Assert.Throws<CostEvaluationException>(() => GradientChecker.Check(Cost, network.Parameters, network.Gradient()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Is.EqualTo("b1[1] + h"));
            Assert.That(exception.InnerException, Is.SameAs(thrown));
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(parameters));
        }
    }

    [Test]
    public void Restores_parameters_bitwise_after_the_cost_throws_at_the_given_point()
    {
        (TanhNetwork<T> network, Dictionary<string, ulong[]> parameters) = NetworkWithAwkwardValues();
        T Cost()
        {
            network.B2[2] = T.NaN;
            throw new DivideByZeroException();
        }

        var exception = Assert.Throws<CostEvaluationException>(() => GradientChecker.Check(Cost, network.Parameters, network.Gradient()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Does.Contain("given parameters"));
            Assert.That(exception.InnerException, Is.TypeOf<DivideByZeroException>());
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(parameters));
        }
    }

    [Test]
    public void Leaves_theta_and_the_gradient_bitwise_unchanged_in_a_flat_check()
    {
        T[] theta = [-T.Zero, T.CreateTruncating(0.1), T.CreateTruncating(-3), T.CreateTruncating(1e6)];
        T[] gradient = [.. theta.Select(x => x + x)];
        ulong[] thetaBits = Bits.Of(theta);
        ulong[] gradientBits = Bits.Of(gradient);

        GradientCheckReport passing = GradientChecker.Check(v => v.Aggregate(T.Zero, (sum, x) => sum + (x * x)), theta, gradient);
        GradientCheckReport failing = GradientChecker.Check(v => v.Aggregate(T.Zero, (sum, x) => sum + x), theta, gradient);
        Assert.Throws<CostEvaluationException>(() => GradientChecker.Check(_ => throw new InvalidOperationException(), theta, gradient));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(passing.Passed, Is.True, passing.ToString);
            Assert.That(failing.Passed, Is.False);
            Assert.That(Bits.Of(theta), Is.EqualTo(thetaBits));
            Assert.That(Bits.Of(gradient), Is.EqualTo(gradientBits));
        }
    }

    [Test]
    public void Reports_a_cost_that_modifies_its_parameters_and_restores_them()
    {
        var model = new LinearModel<T>(1);
        ulong[] before = Bits.Of(model.B);
        T Cost()
        {
            model.B[0] -= T.CreateTruncating(0.01); // a training step left inside the cost
            return model.Cost();
        }

        GradientCheckReport report = GradientChecker.Check(Cost, model.Parameters, model.Gradient());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Has.Member(CheckObstacleKind.CostModifiedParameters));
            Assert.That(Modified(report).Message, Does.Contain("parameter b "));
            Assert.That(Modified(report).Message, Does.Not.Contain("parameter W"));
            Assert.That(report.Tensors, Is.Empty, "nothing can be compared against a cost that moves its parameters");
            Assert.That(report.CostEvaluations, Is.EqualTo(2), "J(x) twice, then stop");
            Assert.That(Bits.Of(model.B), Is.EqualTo(before));
        }
    }

    [Test]
    public void Reports_a_cost_that_modifies_a_parameter_only_at_a_perturbed_point()
    {
        var model = new LinearModel<T>(1);
        Dictionary<string, ulong[]> before = Bits.Of(model.Parameters);
        int calls = 0;
        T Cost()
        {
            // The third call evaluates W[0,0] - h; it moves b, which is not being perturbed.
            if (++calls == 3)
            {
                model.B[1] += T.One;
            }

            return model.Cost();
        }

        GradientCheckReport report = GradientChecker.Check(Cost, model.Parameters, model.Gradient());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Has.Member(CheckObstacleKind.CostModifiedParameters));
            Assert.That(Modified(report).Message, Does.Contain("parameter b "));
            Assert.That(Bits.Of(model.Parameters), Is.EqualTo(before));
        }
    }

    [Test]
    public void Fails_a_cost_that_is_NaN_at_the_given_point_without_comparing_anything()
    {
        var model = new LinearModel<T>(1);
        GradientCheckReport report = GradientChecker.Check(() => T.NaN, model.Parameters, model.Gradient());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.CostNotFinite }));
            Assert.That(report.Obstacles[0].Message, Does.Contain("NaN"));
            Assert.That(report.Tensors, Is.Empty);
            Assert.That(report.CostEvaluations, Is.EqualTo(2), "J(x) twice, then stop");
            Assert.That(report.Cost, Is.NaN);
        }
    }

    [Test]
    public void Does_not_also_call_a_cost_that_modifies_its_parameters_non_deterministic()
    {
        // The cost gives the same value at the same parameters; it is the parameters that moved between the
        // two evaluations. "Is dropout or sampling switched on?" would send the user the wrong way.
        var model = new LinearModel<T>(1);
        T Cost()
        {
            model.B[0] -= T.CreateTruncating(0.01);
            return model.Cost();
        }

        GradientCheckReport report = GradientChecker.Check(Cost, model.Parameters, model.Gradient());
        Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Has.No.Member(CheckObstacleKind.CostNotDeterministic), report.ToString);
    }

    [Test]
    public void Reports_a_cost_that_is_not_deterministic_without_comparing_anything()
    {
        var model = new LinearModel<T>(1);
        var noise = new Random(9);

        // Dropout-like noise of about 1e-3 relative: far beyond the 4 ulps two evaluations may differ by.
        T Cost() => model.Cost() * T.CreateTruncating(1 + (1e-3 * noise.NextDouble()));

        GradientCheckReport report = GradientChecker.Check(Cost, model.Parameters, model.Gradient());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.CostNotDeterministic }));
            Assert.That(report.Obstacles[0].Message, Does.Contain("not deterministic").And.Contain("evaluated twice"));
            Assert.That(report.Tensors, Is.Empty);
        }
    }

    [Test]
    public void Reports_a_cost_that_changes_during_the_check()
    {
        var model = new LinearModel<T>(1);
        int calls = 0;

        // From the tenth call on, the cost is 1% higher: the end of the check no longer sees the start's value.
        T Cost() => model.Cost() * T.CreateTruncating(++calls >= 10 ? 1.01 : 1.0);

        GradientCheckReport report = GradientChecker.Check(Cost, model.Parameters, model.Gradient());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.CostNotDeterministic }));
            Assert.That(report.Obstacles[0].Message, Does.Contain("at the start of the check and again at its end"));
        }
    }

    [Test]
    public void Names_the_second_evaluation_when_the_cost_throws_there()
    {
        var model = new LinearModel<T>(1);
        int calls = 0;
        T Cost() => ++calls == 2 ? throw new InvalidOperationException("second") : model.Cost();

        var exception = Assert.Throws<CostEvaluationException>(() => GradientChecker.Check(Cost, model.Parameters, model.Gradient()));
        Assert.That(exception.Point, Does.Contain("evaluated a second time"));
    }

    [Test]
    public void Decides_from_the_inner_points_where_the_cost_is_NaN_only_at_the_outer_ones()
    {
        // J = θ₀² + θ₁² up to θ₀ = 1 + 3h, NaN beyond: finite at x ± h and x ± 2h, NaN at x + 4h. The
        // domain's edge is no fault of the gradient: a right one passes, a wrong one fails.
        double h = StepSize.RelativeStep<T>(DifferenceMethod.Richardson);
        T limit = T.One + T.CreateTruncating(3 * h);
        T Cost(T[] v) => v[0] > limit ? T.NaN : (v[0] * v[0]) + (v[1] * v[1]);

        GradientCheckReport right = GradientChecker.Check(Cost, [T.One, T.CreateTruncating(0.5)], [T.CreateTruncating(2), T.One]);
        GradientCheckReport wrong = GradientChecker.Check(Cost, [T.One, T.CreateTruncating(0.5)], [T.CreateTruncating(2.02), T.One]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(right.Passed, Is.True, right.ToString);
            Assert.That(wrong.Tensors[0].Entry(0).Outcome, Is.EqualTo(EntryOutcome.OutsideTolerance), wrong.ToString);
        }
    }

    [Test]
    public void Fails_a_cost_that_is_NaN_at_the_inner_points_as_NumericNotFinite()
    {
        // NaN from θ₀ = 1 + 1.5h on: x + 2h is already outside the domain.
        double h = StepSize.RelativeStep<T>(DifferenceMethod.Richardson);
        T limit = T.One + T.CreateTruncating(1.5 * h);
        T Cost(T[] v) => v[0] > limit ? T.NaN : (v[0] * v[0]) + (v[1] * v[1]);

        GradientCheckReport report = GradientChecker.Check(Cost, [T.One, T.CreateTruncating(0.5)], [T.CreateTruncating(2), T.One]);
        EntryReport entry = report.Tensors[0].WorstEntries.Single(e => e.Label == "theta[0]");
        Assert.That(entry.Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite), report.ToString);
    }

    [Test]
    public void Passes_correct_gradients_of_many_random_tanh_networks()
    {
        // Many draws of a smooth cost: a correct gradient must never fail (the seeds of any failure are listed).
        var failing = new List<int>();
        for (int seed = 1; seed <= 200; seed++)
        {
            var network = new TanhNetwork<T>(seed);
            if (!GradientChecker.Check(network.Cost, network.Parameters, network.Gradient()).Passed)
            {
                failing.Add(seed);
            }
        }

        Assert.That(failing, Is.Empty, "seeds whose correct gradient failed");
    }

    [Test]
    public void Passes_correct_gradients_of_log_sum_exp_at_many_random_points()
    {
        var failing = new List<int>();
        for (int seed = 1; seed <= 200; seed++)
        {
            T[] theta = Functions.Uniform<T>(new Random(seed), 6, 3.0);
            if (!GradientChecker.Check(v => Functions.LogSumExp<T>(v), theta, Functions.Softmax<T>(theta)).Passed)
            {
                failing.Add(seed);
            }
        }

        Assert.That(failing, Is.Empty, "seeds whose correct gradient failed");
    }

    [Test]
    public void Passes_correct_gradients_of_many_random_quadratics_with_the_two_point_rule()
    {
        var twoPoint = new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint };
        var failing = new List<int>();
        for (int seed = 1; seed <= 400; seed++)
        {
            var quadratic = new Quadratic<T>(seed, size: 5);
            T[] theta = Functions.Uniform<T>(new Random(seed + 100), 5, 1.0);
            if (!GradientChecker.Check(quadratic.Cost, theta, quadratic.Gradient(theta), twoPoint).Passed)
            {
                failing.Add(seed);
            }
        }

        Assert.That(failing, Is.Empty, "seeds whose correct gradient failed");
    }

    [Test]
    public void Accepts_a_subgradient_at_a_kink_and_reports_the_kink()
    {
        // J = Σ relu(wᵢ) cᵢ at w = (0, 0.5, -0.5): entry 0 sits on the kink, where any a in [0, c₀] is a subgradient.
        (Func<T[], T> cost, T[] w) = Relu();
        GradientCheckReport report = GradientChecker.Check(cost, w, [T.CreateTruncating(0.25), T.CreateTruncating(2), T.Zero]);
        TensorReport tensor = report.Tensors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(tensor.KinkCount, Is.EqualTo(1));
            Assert.That(tensor.Kinks.Select(kink => kink.Label), Is.EqualTo(new[] { "theta[0]" }));
            Assert.That(tensor.Kinks[0].Outcome, Is.EqualTo(EntryOutcome.Kink));
        }
    }

    [Test]
    public void Reports_a_value_outside_the_one_sided_derivatives_at_a_kink_as_not_checkable_while_the_other_entries_pass()
    {
        (Func<T[], T> cost, T[] w) = Relu();
        GradientCheckReport report = GradientChecker.Check(cost, w, [T.CreateTruncating(1.5), T.CreateTruncating(2), T.Zero]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors[0].FailedEntryCount, Is.Zero);
            Assert.That(report.Tensors[0].NotCheckableCount, Is.EqualTo(1));
            Assert.That(report.Tensors[0].Kinks[0].Outcome, Is.EqualTo(EntryOutcome.NotCheckable));
            Assert.That(report.Passed, Is.True, "the other entries were checked and pass");
            Assert.That(report.Summary, Does.Contain("1 entry not checkable where kinks may meet"));
        }
    }

    [Test]
    public void Fails_a_wrong_value_beside_a_kink()
    {
        (Func<T[], T> cost, T[] w) = Relu();
        GradientCheckReport report = GradientChecker.Check(cost, w, [T.CreateTruncating(0.25), T.CreateTruncating(2.5), T.Zero]);
        Assert.That(report.Passed, Is.False, report.ToString);
    }

    [Test]
    public void Fails_a_kink_when_the_options_say_kinks_fail()
    {
        (Func<T[], T> cost, T[] w) = Relu();
        GradientCheckReport report = GradientChecker.Check(
            cost, w, [T.CreateTruncating(0.25), T.CreateTruncating(2), T.Zero], new GradientCheckOptions { KinksFail = true });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(1));
            Assert.That(report.Tensors[0].WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.KinkNotAllowed));
        }
    }

    [Test]
    public void Fails_a_cost_that_is_infinite_at_the_given_point()
    {
        T[] theta = [T.Zero];
        GradientCheckReport report = GradientChecker.Check(v => -T.Log(v[0] * v[0]), theta, [T.Zero]);
        Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.CostNotFinite }));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Fails_only_the_entry_whose_perturbed_cost_is_not_finite(double beyond)
    {
        // J = θ₀² + θ₁² for θ₀ <= 1, NaN or infinite beyond: finite at θ = (1, 0.5), not at θ₀ + h.
        T[] theta = [T.One, T.CreateTruncating(0.5)];
        T Cost(T[] v) => v[0] > T.One ? T.CreateTruncating(beyond) : (v[0] * v[0]) + (v[1] * v[1]);

        GradientCheckReport report = GradientChecker.Check(Cost, theta, [T.CreateTruncating(2), T.One]);
        TensorReport tensor = report.Tensors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Obstacles, Is.Empty);
            Assert.That(tensor.FailedEntryCount, Is.EqualTo(1));
            Assert.That(tensor.WorstEntries[0].Label, Is.EqualTo("theta[0]"));
            Assert.That(tensor.WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite));
            Assert.That(tensor.WorstEntries[1].Outcome, Is.EqualTo(EntryOutcome.WithinTolerance));
        }
    }

    [Test]
    public void Fails_an_analytic_gradient_that_is_NaN()
    {
        T[] theta = [T.One, T.One];
        GradientCheckReport report = GradientChecker.Check(v => v[0] + v[1], theta, [T.One, T.NaN]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(1));
            Assert.That(report.Tensors[0].WorstEntries[0].Label, Is.EqualTo("theta[1]"));
            Assert.That(report.Tensors[0].WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.AnalyticNotFinite));
        }
    }

    [Test]
    public void Refuses_NaN_in_theta_naming_the_entry_without_calling_the_cost()
    {
        T[] theta = [T.One, T.NaN, T.One];
        int calls = 0;
        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(
            v =>
            {
                calls++;
                return v[0];
            },
            theta,
            new T[3]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("theta[1]").And.Contain("NaN"));
            Assert.That(calls, Is.Zero);
        }
    }

    [Test]
    public void Refuses_an_infinite_named_parameter_naming_the_entry()
    {
        var model = new LinearModel<T>(1);
        model.W[1, 2] = T.NegativeInfinity;
        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(model.Cost, model.Parameters, model.Gradient()));
        Assert.That(exception.Message, Does.Contain("W[1,2]"));
    }

    [Test]
    public void Refuses_an_empty_parameter_dictionary()
    {
        Assert.That(
            () => GradientChecker.Check(() => T.Zero, new Dictionary<string, T[]>(), new Dictionary<string, T[]>()),
            Throws.ArgumentException.With.Message.Contains("There are no parameters to check: the parameter dictionary is empty")
                .And.Property(nameof(ArgumentException.ParamName)).EqualTo("parameters"));
    }

    [Test]
    public void Refuses_an_empty_theta_without_calling_the_cost()
    {
        int calls = 0;
        Assert.That(
            () => GradientChecker.Check<T>(
                v =>
                {
                    calls++;
                    return T.Zero;
                },
                [],
                []),
            Throws.ArgumentException.With.Message.Contains("There are no parameters to check: theta (0) has no entries.").And.Property(nameof(ArgumentException.ParamName)).EqualTo("theta"));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public void Checks_an_empty_tensor_beside_others_as_one_with_no_entries([Values] bool wrong, [Values] CoverageKind coverage)
    {
        // Found by fuzzing (Fuzzing/NoCrashProperties): as for an empty theta, the comparison threw on the
        // empty span. An empty tensor (a layer of width 0) has nothing to compare; the others are checked as usual.
        T[] w = [T.One, T.CreateTruncating(2)];
        var parameters = new Dictionary<string, T[]>(StringComparer.Ordinal) { ["W"] = w, ["b"] = [] };
        var gradients = new Dictionary<string, T[]>(StringComparer.Ordinal) { ["dW"] = [T.CreateTruncating(wrong ? 3 : 2), T.One], ["db"] = [] };
        var options = new GradientCheckOptions
        {
            Coverage = coverage switch
            {
                CoverageKind.RandomDirections => CheckCoverage.RandomDirections(2, seed: 1),
                CoverageKind.SampledEntries => CheckCoverage.SampledEntries(2, seed: 1),
                _ => CheckCoverage.EveryEntry,
            },
        };

        GradientCheckReport report = GradientChecker.Check(() => (w[0] * w[0]) + w[1], parameters, gradients, options);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.EqualTo(!wrong), report.ToString);
            Assert.That(report.Tensors.Select(tensor => (tensor.Name, tensor.EntryCount)), Is.EqualTo(new[] { ("W", 2), ("b", 0) }));
            Assert.That(report.Tensors[1].Passed, Is.True);
            Assert.That(HtmlReport.Create(report, "empty"), Does.Contain("<html"));
        }
    }

    [Test]
    public void Compares_a_cost_near_the_largest_finite_value_that_is_finite_at_every_point([Values] DifferenceMethod method, [Values] bool wrong)
    {
        // Found by fuzzing (Fuzzing/NonFiniteProperties): J = L/8 (4 + θ₀), L the largest finite value, is
        // about 0.6 L at every point of the stencil. The checker added the six values to see whether all
        // were finite, and their sum overflowed (a correct gradient failed as "cost not finite"); its
        // round-off estimate summed their magnitudes before scaling them by ε, and overflowed to an
        // infinite bound (a gradient twice the true one passed).
        T eighth = T.BitDecrement(T.PositiveInfinity) / T.CreateTruncating(8);
        T[] theta = [T.One];
        T[] gradient = [wrong ? eighth + eighth : eighth];

        GradientCheckReport report = GradientChecker.Check(v => eighth * (T.CreateTruncating(4) + v[0]), theta, gradient, new GradientCheckOptions { Method = method });
        EntryReport entry = report.Tensors[0].Entry(0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Outcome, Is.EqualTo(wrong ? EntryOutcome.OutsideTolerance : EntryOutcome.WithinTolerance), report.ToString);
            Assert.That(double.IsFinite(entry.Bound), Is.True, "the bound");
        }
    }

    [Test]
    public void Refuses_a_flat_gradient_of_another_length_naming_the_gradient_and_theta()
    {
        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(v => v[0], [T.One, T.One], [T.One]));
        Assert.That(exception.Message, Does.StartWith("The gradient has shape (1) but theta, the point it is the gradient at, has shape (2):"));
    }

    [TestCase(GradientMismatch.OtherShape, "gradient 'dW' has shape (3, 3) but parameter 'W' has shape (2, 3)")]
    [TestCase(GradientMismatch.MissingName, "no gradient for parameter 'b' (looked for 'b' and 'db')")]
    [TestCase(GradientMismatch.ExtraName, "gradient 'dV' matches no parameter")]
    public void Refuses_named_gradients_that_do_not_match_naming_the_problem_and_the_parameters(GradientMismatch mismatch, string obstacle)
    {
        var model = new LinearModel<T>(1);
        Assert.That(
            () => GradientChecker.Check(model.Cost, model.Parameters, model.Gradient(mismatch)),
            Throws.ArgumentException.With.Message.Contains(obstacle).And.Message.Contains(GradientMismatches.ExpectedNames));
    }

    [Test]
    public void Refuses_gradients_that_do_not_match_the_parameters_before_calling_the_cost()
    {
        var model = new LinearModel<T>(1);
        Dictionary<string, Array> gradient = model.Gradient();
        gradient.Remove("db");
        int calls = 0;
        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(
            () =>
            {
                calls++;
                return model.Cost();
            },
            model.Parameters,
            gradient));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("'b'"));
            Assert.That(calls, Is.Zero);
        }
    }

    [Test]
    public void Applies_a_stated_tolerance_instead_of_the_default()
    {
        var model = new LinearModel<T>(1);
        Dictionary<string, Array> gradient = model.Gradient();
        Arrays.Transform<T>(gradient["dW"], g => g * T.CreateTruncating(1.01));

        // 1% off fails the default rule but is inside a stated 5% relative rule.
        GradientCheckOptions loose = new() { Tolerance = GradientTolerance.Within(1e-3, 0.05) };
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, gradient, loose);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(report.Tolerance, Is.EqualTo(loose.Tolerance));
        }
    }

    [Test]
    public void Uses_the_automatic_tolerance_by_default()
    {
        var model = new LinearModel<T>(1);
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient());
        Assert.That(report.Tolerance, Is.SameAs(GradientTolerance.Automatic));
    }

    /// <summary>J = 0.5 relu(w₀) + 2 relu(w₁) + 3 relu(w₂) at w = (0, 0.5, -0.5): a kink at entry 0 with one-sided slopes 0 and 0.5.</summary>
    private static IEnumerable<int[]> Indices(Array array)
    {
        for (int flat = 0; flat < array.Length; flat++)
        {
            var index = new int[array.Rank];
            int rest = flat;
            for (int axis = array.Rank - 1; axis >= 0; axis--)
            {
                index[axis] = rest % array.GetLength(axis);
                rest /= array.GetLength(axis);
            }

            yield return index;
        }
    }

    private static (Func<T[], T> Cost, T[] W) Relu()
    {
        T[] c = [T.CreateTruncating(0.5), T.CreateTruncating(2), T.CreateTruncating(3)];
        T Cost(T[] w)
        {
            T total = T.Zero;
            for (int i = 0; i < w.Length; i++)
            {
                total += T.Max(T.Zero, w[i]) * c[i];
            }

            return total;
        }

        return (Cost, [T.Zero, T.CreateTruncating(0.5), T.CreateTruncating(-0.5)]);
    }

    private static CheckObstacle Modified(GradientCheckReport report) =>
        report.Obstacles.First(obstacle => obstacle.Kind == CheckObstacleKind.CostModifiedParameters);

    /// <summary>A network whose parameters include -0.0 and 0.1, which a restore by x + h - h would change.</summary>
    private static (TanhNetwork<T> Network, Dictionary<string, ulong[]> Bits) NetworkWithAwkwardValues()
    {
        var network = new TanhNetwork<T>(6);
        network.W1[0, 0] = T.NegativeZero;
        network.B1[0] = T.CreateTruncating(0.1);
        network.W2[2, 1] = T.CreateTruncating(0.1);
        return (network, Bits.Of(network.Parameters));
    }
}
