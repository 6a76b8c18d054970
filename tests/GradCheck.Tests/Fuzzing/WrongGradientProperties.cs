using System.Numerics;
using CsCheck;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// Gradients made wrong on purpose, at random entries of random known functions at random points: every
/// entry changed by more than the rule allows fails, and the report names it; the entries left correct
/// pass wherever the property can prove they must.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class WrongGradientProperties<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The smallest relative mistake planted under the automatic rule: 1% in double; float's step is 1e-2, its noise some 1e-5 |J| / h.</summary>
    private static readonly double SmallestRelativeMistake = typeof(T) == typeof(float) ? 0.05 : 0.01;

    /// <summary>
    /// Within(atol, rtol) passes exactly the entries with |a - n| &lt;= atol + rtol max(|a|, |n|). With U a
    /// bound on |n - g| (<see cref="EntryBounds"/>), an entry changed by δ with |δ| - U &gt; atol + rtol max(|a|, |g| + U)
    /// must fail whatever n is, and an entry left correct with |a - g| + U &lt;= atol + rtol |a| must pass.
    /// atol is drawn around the largest U (10^-4 to 10^4 times it), so both kinds of entry occur; rtol is 0
    /// or 1e-9 to 0.5; each change is its smallest sure size times 1 + (1e-3 to 1e3).
    /// </summary>
    [Test]
    public void Entries_changed_beyond_a_stated_tolerance_fail_and_correct_entries_within_it_pass([Values] DifferenceMethod method)
    {
        Gen<(double, double)> tolerances = Gen.Select(
            Gen.Double[-4, 4],
            Gen.Frequency((1, Gen.Const(0.0)), (3, Gen.Double[-9, Math.Log10(0.5)].Select(exponent => Math.Pow(10, exponent)))));
        int planted = 0, exact = 0;
        int ran = Fuzz.Run(Gen.Select(FuzzCases<T>.Finite, BugDraw.Any, tolerances), FuzzBudget.StatedTolerance, ((FunctionCase<T> Case, BugDraw Bugs, (double, double) Tolerance) draw) =>
        {
            (FunctionCase<T> fuzzCase, BugDraw bugs, (double atolExponent, double rtol)) = draw;
            EntryBound[] bounds = EntryBounds.Of(fuzzCase, method);
            double atol = NoiseScale(bounds) * Math.Pow(10, atolExponent);
            T[] gradient = fuzzCase.Gradient();
            var changed = new List<int>();
            foreach ((int slot, int i) in bugs.Entries(gradient.Length))
            {
                // The smallest sure size, s (1 - rtol) = atol + rtol (|g| + U) + U, then beyond it.
                EntryBound bound = bounds[i];
                double smallest = (atol + (rtol * (Math.Abs(bound.Gradient) + bound.KinkUncertainty)) + bound.KinkUncertainty) / (1 - rtol);
                T wrong = T.CreateTruncating(bound.Gradient + ((bugs.Negative[slot] ? -1 : 1) * smallest * (1 + bugs.Excess[slot])));
                double a = double.CreateTruncating(wrong);
                double allowed = atol + (rtol * Math.Max(Math.Abs(a), Math.Abs(bound.Gradient) + bound.KinkUncertainty));

                // Rounding to T, or overflow, can undo a change; only sure ones are planted.
                if (T.IsFinite(wrong) && Math.Abs(a - bound.Gradient) - bound.KinkUncertainty > allowed * (1 + 1e-9))
                {
                    gradient[i] = wrong;
                    changed.Add(i);
                }
            }

            bool[] mustPass = [.. gradient.Select((a, i) => !changed.Contains(i) && SurelyWithin(double.CreateTruncating(a), bounds[i], atol, rtol))];
            var options = new GradientCheckOptions { Method = method, Tolerance = GradientTolerance.Within(atol, rtol) };
            GradientCheckReport report = GradientChecker.Check(fuzzCase.Cost, fuzzCase.Theta, gradient, options);
            int[] failed = FailedEntries(report);

            // A change at an entry where kinks may meet is not checkable there, which is no pass.
            Assert.That(failed.Concat(NotCheckable(report)), Is.SupersetOf(changed), report.ToString);
            Assert.That(failed.Where(i => mustPass[i]), Is.Empty, report.ToString);
            Assert.That(report.Passed, Is.EqualTo(failed.Length == 0 && !report.Tensors[0].NothingCheckable));
            if (failed.Length <= options.WorstEntriesShown)
            {
                Assert.That(Unnamed(report, changed), Is.Empty, "every changed entry is named in the report");
            }

            planted += changed.Count > 0 ? 1 : 0;
            exact += changed.Count > 0 && Enumerable.Range(0, gradient.Length).All(i => changed.Contains(i) || mustPass[i]) ? 1 : 0;
        });

        // Not vacuous: most cases plant at least one change (the others' sizes overflowed or rounded away),
        // and in a good share every entry left correct must pass, so the failing entries are exactly the changed ones.
        Assert.That(planted, Is.GreaterThanOrEqualTo(ran / 2));
        Assert.That(exact, Is.GreaterThanOrEqualTo(ran / 4));
    }

    /// <summary>
    /// Under the automatic rule an entry fails when |a - n| &gt; 2 e(n) + 128 ε (max(|a|, |n|) + max|n|). An
    /// entry changed by a relative ρ (1% to 10x in double, 5% to 10x in float) is sure to fail when
    /// |δ| - U exceeds that bound with e(n) and n replaced by bounds on them (<see cref="EntryBounds"/>):
    /// "its true derivative is not tiny" made exact. Only such entries are changed; where the cost is
    /// accurate (the premise of the property that correct gradients pass) the failing entries are exactly
    /// the changed ones.
    /// </summary>
    [Test]
    public void Entries_changed_by_a_percent_or_more_fail_the_automatic_rule_where_the_change_is_detectable([Values] DifferenceMethod method)
    {
        double epsilon = MachineEpsilon.Of<T>();
        Gen<double> relative = Gen.Double[Math.Log10(SmallestRelativeMistake), 1].Select(exponent => Math.Pow(10, exponent));
        int planted = 0;
        int ran = Fuzz.Run(Gen.Select(FuzzCases<T>.Moderate, BugDraw.Any, relative), FuzzBudget.AutomaticTolerance, ((FunctionCase<T> Case, BugDraw Bugs, double Relative) draw) =>
        {
            (FunctionCase<T> fuzzCase, BugDraw bugs, double rho) = draw;
            EntryBound[] bounds = EntryBounds.Of(fuzzCase, method);
            double largestNumeric = bounds.Max(bound => Math.Abs(bound.Gradient) + bound.KinkUncertainty);
            T[] gradient = fuzzCase.Gradient();
            var changed = new List<int>();
            foreach ((int slot, int i) in bugs.Entries(gradient.Length))
            {
                EntryBound bound = bounds[i];
                T wrong = T.CreateTruncating(bound.Gradient * (1 + ((bugs.Negative[slot] ? -1 : 1) * rho)));
                double a = double.CreateTruncating(wrong);
                double largest = Math.Max(Math.Abs(a), Math.Abs(bound.Gradient) + bound.KinkUncertainty);
                double allowed = (2 * bound.EstimatedError) + (GradientTolerance.AnalyticUlps * epsilon * (largest + largestNumeric));
                if (T.IsFinite(wrong) && Math.Abs(a - bound.Gradient) - bound.KinkUncertainty > allowed * (1 + 1e-9))
                {
                    gradient[i] = wrong;
                    changed.Add(i);
                }
            }

            GradientCheckReport report = GradientChecker.Check(fuzzCase.Cost, fuzzCase.Theta, gradient, new GradientCheckOptions { Method = method });
            int[] failed = FailedEntries(report);
            Assert.That(failed.Concat(NotCheckable(report)), Is.SupersetOf(changed), report.ToString);
            if (bounds.All(bound => bound.AutomaticRuleApplies))
            {
                Assert.That(failed, Is.EquivalentTo(changed), report.ToString);
                Assert.That(Unnamed(report, changed), Is.Empty, "every changed entry is named in the report");
            }

            planted += changed.Count > 0 ? 1 : 0;
        });

        Assert.That(planted, Is.GreaterThanOrEqualTo(ran / 2));
    }

    /// <summary>The largest finite bound on |n - g|: at a huge entry of a log-sum-exp, (4h)⁴ overflows.</summary>
    private static double NoiseScale(EntryBound[] bounds) =>
        bounds.Select(bound => bound.KinkUncertainty).Where(double.IsFinite).DefaultIfEmpty(1).Max();

    /// <summary>Whether an entry left correct must pass Within(atol, rtol): |a - g| + U &lt;= atol + rtol |a|, with a margin for the checker's own rounding.</summary>
    private static bool SurelyWithin(double analytic, EntryBound bound, double atol, double rtol) =>
        (Math.Abs(analytic - bound.Gradient) + bound.Uncertainty) * (1 + 1e-9) <= atol + (rtol * Math.Abs(analytic));

    /// <summary>The changed entries the report's text does not name (it lists up to WorstEntriesShown failing entries).</summary>
    private static string[] Unnamed(GradientCheckReport report, List<int> changed)
    {
        string text = report.ToString();
        return [.. changed.Select(i => $"theta[{i}] ").Where(label => !text.Contains(label, StringComparison.Ordinal))];
    }

    private static int[] FailedEntries(GradientCheckReport report) =>
        [.. Enumerable.Range(0, report.Tensors[0].EntryCount).Where(i => report.Tensors[0].Entry(i).Failed)];

    private static int[] NotCheckable(GradientCheckReport report) =>
        [.. Enumerable.Range(0, report.Tensors[0].EntryCount).Where(i => report.Tensors[0].Entry(i).Outcome == EntryOutcome.NotCheckable)];
}
