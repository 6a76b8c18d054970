using System.Numerics;
using CsCheck;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// What is not finite never passes: NaN or infinity in the analytic gradient, and a cost that overflows
/// at the point or at a perturbed point. The report says which value was not finite, and never takes a
/// correct gradient for a wrong one.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class NonFiniteProperties<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The automatic rule, or Within(atol, rtol) with atol and rtol from 1e-12 to 1.</summary>
    private static readonly Gen<GradientTolerance> Tolerances = Gen.Frequency(
        (1, Gen.Const(GradientTolerance.Automatic)),
        (1, Gen.Select(Gen.Double[-12, 0], Gen.Double[-12, 0], (atol, rtol) => GradientTolerance.Within(Math.Pow(10, atol), Math.Pow(10, rtol)))));

    /// <summary>
    /// Metamorphic: NaN, +∞ or -∞ planted in up to 8 entries of a correct gradient fails exactly those
    /// entries, as "analytic gradient not finite", named in the text, and leaves every other entry's
    /// numerical value, bound and outcome as they were with the clean gradient (the rule's scale, the
    /// largest |n|, does not read a).
    /// </summary>
    [Test]
    public void Nan_or_infinity_in_the_analytic_gradient_fails_those_entries_and_changes_no_other()
    {
        Gen<T[]> poisons = FuzzValues<T>.NotFinite.Array[BugDraw.MaxCount];
        Gen<GradientCheckOptions> options = Gen.Select(Gen.Enum<DifferenceMethod>(), Tolerances, (method, tolerance) => new GradientCheckOptions { Method = method, Tolerance = tolerance });
        Fuzz.Run(Gen.Select(FuzzCases<T>.Finite, BugDraw.Any, poisons, options), FuzzBudget.NonFiniteGradients, ((FunctionCase<T> Case, BugDraw Bugs, T[] Poisons, GradientCheckOptions Options) draw) =>
        {
            (FunctionCase<T> fuzzCase, BugDraw bugs, T[] poison, GradientCheckOptions checkOptions) = draw;
            T[] gradient = fuzzCase.Gradient();
            int[] poisoned = [.. bugs.Entries(gradient.Length).Select(entry => entry.Index)];
            foreach ((int slot, int i) in bugs.Entries(gradient.Length))
            {
                gradient[i] = poison[slot];
            }

            TensorReport clean = GradientChecker.Check(fuzzCase.Cost, fuzzCase.Theta, fuzzCase.Gradient(), checkOptions).Tensors[0];
            GradientCheckReport report = GradientChecker.Check(fuzzCase.Cost, fuzzCase.Theta, gradient, checkOptions);
            TensorReport tensor = report.Tensors[0];
            string text = report.ToString();

            // Every entry that is not as it should be, by label, so that one message lists them all.
            string[] wrong = [.. Enumerable.Range(0, gradient.Length)
                .Where(i => poisoned.Contains(i)
                    ? tensor.Entry(i).Outcome != EntryOutcome.AnalyticNotFinite || !text.Contains(tensor.Entry(i).Label + " ", StringComparison.Ordinal)
                    : !(tensor.Entry(i).Outcome, tensor.Entry(i).Numeric, tensor.Entry(i).Bound).Equals((clean.Entry(i).Outcome, clean.Entry(i).Numeric, clean.Entry(i).Bound)))
                .Select(i => tensor.Entry(i).Label)];
            Assert.That(report.Passed, Is.False, text);
            Assert.That(wrong, Is.Empty, text);
            Assert.That(text, Does.Contain("analytic gradient not finite"));
        });
    }

    /// <summary>
    /// At points with overflowing values (up to the largest finite one): where the cost is not finite at
    /// the point, the report fails with the one obstacle CostNotFinite, saying the value; otherwise every
    /// entry whose stencil (x ± h, ± 2h, ± 4h, worked out as the checker does) meets a value that is not
    /// finite fails as NumericNotFinite and is named "not finite at a perturbed point", and every other
    /// entry passes wherever the automatic rule's premises hold. A correct gradient is never reported as
    /// outside tolerance there, and a check that met a value that is not finite never passes.
    /// </summary>
    [Test]
    public void Costs_that_overflow_fail_naming_the_value_that_is_not_finite_and_never_a_wrong_value([Values] DifferenceMethod method)
    {
        int overflowed = 0;
        int ran = Fuzz.Run(FuzzCases<T>.Cases(FuzzValues<T>.MayOverflow), FuzzBudget.OverflowingCosts, fuzzCase =>
        {
            GradientCheckReport report = GradientChecker.Check(fuzzCase.Cost, fuzzCase.Theta, fuzzCase.Gradient(), new GradientCheckOptions { Method = method });
            string text = report.ToString();
            double cost = double.CreateTruncating(fuzzCase.Cost(fuzzCase.Theta));
            if (!double.IsFinite(cost))
            {
                Assert.That(report.Passed, Is.False);
                Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.CostNotFinite }), text);
                Assert.That(text, Does.Contain($"the cost is {(double.IsNaN(cost) ? "NaN" : cost > 0 ? "Infinity" : "-Infinity")} at the given parameters"));

                overflowed++;
                return;
            }

            EntryBound[] bounds = EntryBounds.Of(fuzzCase, method);
            TensorReport tensor = report.Tensors[0];

            // Not finite in the stencil: NumericNotFinite; finite, where the rule's premises hold: a pass.
            string[] wrong = [.. Enumerable.Range(0, bounds.Length)
                .Where(i => bounds[i].StencilFinite
                    ? bounds[i].AutomaticRuleApplies && !tensor.Entry(i).Passed
                    : tensor.Entry(i).Outcome != EntryOutcome.NumericNotFinite)
                .Select(i => tensor.Entry(i).Label)];
            Assert.That(report.Obstacles, Is.Empty, text);
            Assert.That(wrong, Is.Empty, text);
            if (bounds.Any(bound => !bound.StencilFinite))
            {
                Assert.That(report.Passed, Is.False, text);
                Assert.That(text, Does.Contain("cost not finite at a perturbed point"));
            }
            else if (bounds.All(bound => bound.AutomaticRuleApplies))
            {
                Assert.That(report.Passed, Is.True, text);
            }

            overflowed += bounds.Any(bound => !bound.StencilFinite) ? 1 : 0;
        });

        // Not vacuous: a good share of the cases overflow somewhere.
        Assert.That(overflowed, Is.GreaterThanOrEqualTo(ran / 4));
    }
}
