using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Reporting;

namespace GradCheck.Tests.Comparison;

/// <summary>
/// Each tensor states the smallest relative error the check was sure to see; a passing tensor that
/// could not see 1% says so in the summary and the text, never passes silently.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class ResolutionTests<T>
    where T : IFloatingPointIeee754<T>
{
    // J = 10 + Σ c_i sin(θ_i) + Σ d_j θ_j²: the constant sets the noise of every evaluation (about
    // ε |J|), the tensor "big" has derivatives of about 1e-1 |J| and "small" of about 3e-4 |J|, below
    // what float resolves to 1% and far above what double does.
    private static readonly double[] Big = [0.7, -1.3, 0.4, 2.1];
    private static readonly double[] Small = [3e-3, -2e-3, 4e-3];

    [Test]
    public void A_tensor_with_derivatives_well_above_the_noise_is_resolved_below_one_percent()
    {
        GradientCheckReport report = Check(scaleSmall: 1);
        TensorReport big = report.Tensors.Single(tensor => tensor.Name == "big");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(big.Resolution, Is.LessThan(TensorReport.ResolutionTarget));
            Assert.That(big.Unresolved, Is.False);
        }
    }

    [Test]
    public void A_tensor_too_small_for_float_says_so_and_double_resolves_it()
    {
        GradientCheckReport report = Check(scaleSmall: 1);
        TensorReport small = report.Tensors.Single(tensor => tensor.Name == "small");
        if (typeof(T) == typeof(float))
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(small.Unresolved, Is.True, report.ToString);
                Assert.That(report.Summary, Does.Contain("resolved only small to "));
                Assert.That(report.ToString(), Does.Contain("Resolution: small: a 1% error would not show here; resolved to "));
            }
        }
        else
        {
            Assert.That(small.Unresolved, Is.False, report.ToString);
        }
    }

    [Test]
    public void A_one_percent_error_in_a_resolved_tensor_fails_and_in_an_unresolved_one_is_named_unresolved()
    {
        GradientCheckReport report = Check(scaleSmall: 1.01);
        TensorReport small = report.Tensors.Single(tensor => tensor.Name == "small");
        Assert.That(!small.Passed || small.Unresolved, Is.True, "never a silent pass: " + report);
    }

    [Test]
    public void A_stated_tolerance_looser_than_one_percent_is_named_as_the_reason()
    {
        GradientCheckReport report = Check(scaleSmall: 1, new GradientCheckOptions { Tolerance = GradientTolerance.Within(0.05) });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors.All(tensor => tensor.Unresolved), Is.True, report.ToString);
            Assert.That(report.ToString(), Does.Contain("(the stated tolerance allows it)"));
            Assert.That(report.Summary, Does.EndWith("under the stated tolerance)"));
        }
    }

    [Test]
    public void A_tensor_whose_derivatives_are_all_zero_has_no_resolution()
    {
        GradientCheckReport report = GradientChecker.Check(v => v[0] * v[0], [T.Zero], [T.Zero]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(report.Tensors[0].Resolution, Is.NaN);
            Assert.That(report.Tensors[0].Unresolved, Is.False);
        }
    }

    private static GradientCheckReport Check(double scaleSmall, GradientCheckOptions? options = null)
    {
        T[] big = [.. Big.Select(value => T.CreateTruncating(value * 0.3))];
        T[] small = [.. Small.Select(_ => T.CreateTruncating(0.5))];
        T Cost()
        {
            T sum = T.CreateTruncating(10);
            for (int i = 0; i < big.Length; i++)
            {
                sum += T.CreateTruncating(Big[i]) * T.Sin(big[i]);
            }

            for (int j = 0; j < small.Length; j++)
            {
                sum += T.CreateTruncating(Small[j]) * small[j] * small[j];
            }

            return sum;
        }

        var parameters = new Dictionary<string, T[]> { ["big"] = big, ["small"] = small };
        var gradients = new Dictionary<string, T[]>
        {
            ["big"] = [.. big.Select((value, i) => T.CreateTruncating(Big[i]) * T.Cos(value))],
            ["small"] = [.. small.Select((value, j) => T.CreateTruncating(2 * Small[j] * scaleSmall) * value)],
        };
        return GradientChecker.Check(Cost, parameters, gradients, options ?? new GradientCheckOptions());
    }
}
