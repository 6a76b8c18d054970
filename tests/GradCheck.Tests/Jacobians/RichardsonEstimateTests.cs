using GradCheck.Differentiation;

namespace GradCheck.Tests.Jacobians;

/// <summary>
/// The per-entry mathematics the gradient and Jacobian checks share: its magnitude floor, which only
/// the Jacobian and Hessian-vector product checks set, changes nothing below the values' own magnitudes
/// and keeps the round-off of an output that is small by cancellation from being called a kink.
/// </summary>
public class RichardsonEstimateTests
{
    private const double Ulp = RoundOff.Ulps * 2.220446049250313e-16;
    private static readonly Stencil Points = new(0, 1e-4, -1e-4, 2e-4, -2e-4, 4e-4, -4e-4);

    [Test]
    public void A_floor_below_every_value_changes_nothing_bit_for_bit()
    {
        // A kink at 0 (|t| plus a slope), so that every branch runs.
        Stencil values = At(t => Math.Abs(t) + (0.3 * t) + 2);
        var without = new NumericalGradient(1);
        var below = new NumericalGradient(1);

        RichardsonEstimate.Write(Points, values, CostNoise.Ulps(Ulp), without, 0);
        RichardsonEstimate.Write(Points, values, CostNoise.Ulps(Ulp, 1.5), below, 0);

        Assert.That(without[0].IsKink, Is.True);
        Assert.That(
            new[] { below[0].Value, below[0].Error, below[0].Low, below[0].High }.Select(BitConverter.DoubleToInt64Bits),
            Is.EqualTo(new[] { without[0].Value, without[0].Error, without[0].Low, without[0].High }.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Test]
    public void An_output_small_by_cancellation_is_not_called_a_kink_once_its_terms_set_the_floor()
    {
        // f = 0.5 t + 1e-3, computed from terms of size 1: its values carry round-off of about ε, not of
        // ε 1e-3. Here that noise sits at ±h only, which looks like a kink to a rule that counts ulps of 1e-3.
        Stencil values = At(t => (0.5 * t) + 1e-3) with { PlusH = (0.5e-4) + 1e-3 + 2e-16, MinusH = (-0.5e-4) + 1e-3 + 2e-16 };
        var ownMagnitude = new NumericalGradient(1);
        var termsMagnitude = new NumericalGradient(1);

        RichardsonEstimate.Write(Points, values, CostNoise.Ulps(Ulp), ownMagnitude, 0);
        RichardsonEstimate.Write(Points, values, CostNoise.Ulps(Ulp, 1), termsMagnitude, 0);

        Assert.That(ownMagnitude[0].IsKink, Is.True);
        Assert.That(termsMagnitude[0].IsKink, Is.False);
        Assert.That(Math.Abs(termsMagnitude[0].Value - 0.5), Is.LessThanOrEqualTo(termsMagnitude[0].Error));
    }

    private static Stencil At(Func<double, double> f) =>
        new(f(Points.Center), f(Points.PlusH), f(Points.MinusH), f(Points.Plus2H), f(Points.Minus2H), f(Points.Plus4H), f(Points.Minus4H));
}
