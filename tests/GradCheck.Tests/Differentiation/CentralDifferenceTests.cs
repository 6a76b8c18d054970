using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Differentiation;

public class CentralDifferenceTests
{
    [TestCase(0.1f)]
    [TestCase(-3f)]
    [TestCase(1e6f)]
    [TestCase(1e30f)]
    public void Divides_by_the_distance_between_the_points_actually_evaluated(float x)
    {
        // J(x) = x returns the evaluation points themselves, so (J(x+h) - J(x-h)) / distance is exactly 1;
        // dividing by the nominal 2h instead would be off by the rounding of x ± h (up to 1e-5 relative).
        Assert.That(Derivative([x], v => v[0])[0], Is.EqualTo(1.0));
    }

    [Test]
    public void Makes_two_cost_evaluations_per_entry()
    {
        int calls = 0;
        long evaluations = Numerics.Differentiate(
            new double[7],
            v =>
            {
                calls++;
                return v.Sum();
            },
            DifferenceMethod.CentralTwoPoint).Evaluations;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(evaluations, Is.EqualTo(14));
            Assert.That(calls, Is.EqualTo(14));
        }
    }

    [Test]
    public void Estimates_only_round_off_from_the_cost_values_over_the_width()
    {
        const double cost = 1000;
        NumericalGradient gradient = Numerics.Differentiate([0.5], _ => cost, DifferenceMethod.CentralTwoPoint).Gradient;
        double step = StepSize.RelativeStep<double>(DifferenceMethod.CentralTwoPoint);
        double width = StepSize.Offset(0.5, step, 1) - StepSize.Offset(0.5, step, -1);
        double expected = RoundOff.TwoPointUlps * Math.ScaleB(1.0, -52) * (cost + cost) / width;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gradient[0].Value, Is.Zero);

            // The same formula evaluated in another order: a few ulps apart at most.
            Assert.That(gradient[0].Error, Is.EqualTo(expected).Within(1e-14 * expected));
        }
    }

    [Test]
    public void Computes_no_one_sided_derivatives_and_detects_no_kinks()
    {
        NumericalGradient gradient = Numerics.Differentiate([0.0, 1.0], v => Math.Abs(v[0]) + v[1], DifferenceMethod.CentralTwoPoint).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Numerics.Column(gradient, e => e.Low), Has.All.NaN);
            Assert.That(Numerics.Column(gradient, e => e.High), Has.All.NaN);
            Assert.That(Numerics.Column(gradient, e => e.IsKink), Has.All.False);
            Assert.That(gradient[0].Value, Is.Zero, "across |x| at 0 the two-point rule sees a symmetric cost");
        }
    }

    [Test]
    public void Restores_every_entry_bitwise_in_float()
    {
        float[] values = [-0.0f, 0.1f, 1e-30f, -3f, 1e6f, 0.3f];
        ulong[] before = Bits.Of(values);
        Numerics.Differentiate(values, v => v.Sum(e => e * e), DifferenceMethod.CentralTwoPoint);
        Assert.That(Bits.Of(values), Is.EqualTo(before));
    }

    [Test]
    public void Restores_every_entry_bitwise_in_double()
    {
        double[] values = [-0.0, 0.1, 1e-30, -3, 1e6, 0.3];
        ulong[] before = Bits.Of(values);
        Numerics.Differentiate(values, v => v.Sum(e => e * e), DifferenceMethod.CentralTwoPoint);
        Assert.That(Bits.Of(values), Is.EqualTo(before));
    }

    [Test]
    public void Perturbs_exactly_one_entry_at_each_evaluation()
    {
        float[] values = [-0.0f, 0.1f, 2f, -3f];
        ulong[] before = Bits.Of(values);
        var changedPerCall = new List<int>();
        Numerics.Differentiate(
            values,
            v =>
            {
                ulong[] now = Bits.Of(v);
                changedPerCall.Add(now.Where((bits, i) => bits != before[i]).Count());
                return v[0];
            },
            DifferenceMethod.CentralTwoPoint);

        Assert.That(changedPerCall, Has.Count.EqualTo(8).And.All.EqualTo(1));
    }

    [Test]
    public void Rethrows_a_throwing_cost_as_CostEvaluationException_naming_the_entry_plus_h()
    {
        double[,] w = { { 1, 2, 3 }, { 4, 5, 6 } };
        ulong[] before = Bits.Of(w);
        var original = new InvalidOperationException("boom");
        var tensor = new NamedTensor<double>("W", TensorStorageFactory.Wrap<double>(w, "W", writable: true));

        var exception = Assert.Throws<CostEvaluationException>(() => Numerics.Sweep(
            () => w[1, 2] > 6 ? throw original : 0.0, tensor, DifferenceMethod.CentralTwoPoint, 0.0, new NumericalGradient(6)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Is.EqualTo("W[1,2] + h"));
            Assert.That(exception.InnerException, Is.SameAs(original));
            Assert.That(exception.Message, Does.Contain("W[1,2] + h").And.Contain("boom").And.Contain(nameof(InvalidOperationException)));
            Assert.That(Bits.Of(w), Is.EqualTo(before));
        }
    }

    [Test]
    public void Rethrows_a_throwing_cost_as_CostEvaluationException_naming_the_entry_minus_h()
    {
        float[,] w = { { 1, 2, 3 }, { 4, 5, -0.0f } };
        ulong[] before = Bits.Of(w);
        var original = new ArithmeticException("below zero");
        var tensor = new NamedTensor<float>("W", TensorStorageFactory.Wrap<float>(w, "W", writable: true));

        var exception = Assert.Throws<CostEvaluationException>(() => Numerics.Sweep(
            () => w[1, 2] < 0 ? throw original : 0f, tensor, DifferenceMethod.CentralTwoPoint, 0.0, new NumericalGradient(6)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Is.EqualTo("W[1,2] - h"));
            Assert.That(exception.InnerException, Is.SameAs(original));
            Assert.That(Bits.Of(w), Is.EqualTo(before), "-0.0 must come back as -0.0");
        }
    }

    [Test]
    public void Lets_cancellation_through_unwrapped_and_restores_the_entry()
    {
        double[] values = [0.1, 0.2];
        ulong[] before = Bits.Of(values);
        Assert.Throws<OperationCanceledException>(() =>
            Numerics.Differentiate(values, v => v[1] != 0.2 ? throw new OperationCanceledException() : 0.0, DifferenceMethod.CentralTwoPoint));
        Assert.That(Bits.Of(values), Is.EqualTo(before));
    }

    private static double[] Derivative<T>(T[] values, Func<T[], T> cost)
        where T : IFloatingPointIeee754<T> =>
        Numerics.Column(Numerics.Differentiate(values, cost, DifferenceMethod.CentralTwoPoint).Gradient, e => e.Value);
}
