using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reporting;

public class ReportFormatterTests
{
    [Test]
    public void A_failing_report_names_the_failing_tensor_with_its_shape_and_count()
    {
        string text = FailingAtW2Entry13().ToString();
        Assert.That(text, Does.StartWith("Gradient check failed: 1 of 2 tensors have entries outside tolerance (1 of 10 entries)."));
        Assert.That(Lines(text), Has.One.StartsWith("W2 (2, 4): 1 of 8 entries outside tolerance, ||a - n|| / (||a|| + ||n||) = "));
    }

    [Test]
    public void A_failing_report_lists_the_failing_entry_by_its_index()
    {
        string[] lines = Lines(FailingAtW2Entry13().ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.One.Match(@"^  entry\s+analytic \(a\)\s+numeric \(n\)\s+\|a - n\|\s+rel err\s+bound$"));
            Assert.That(lines, Has.One.StartsWith("  W2[1,3] "));
            Assert.That(lines.Where(line => line.StartsWith("  W2[", StringComparison.Ordinal)), Has.Exactly(1).Items, "only failing entries are listed");
        }
    }

    [Test]
    public void A_failing_report_shows_a_and_n_of_each_listed_entry()
    {
        GradientCheckReport report = FailingAtW2Entry13();
        EntryReport entry = report.Tensors[0].WorstEntries[0];
        string line = Lines(report.ToString()).Single(l => l.StartsWith("  W2[1,3] ", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line, Does.Contain(entry.Analytic.ToString("0.0000000e+00", CultureInfo.InvariantCulture)));
            Assert.That(line, Does.Contain(entry.Numeric.ToString("0.0000000e+00", CultureInfo.InvariantCulture)));
            Assert.That(line, Does.Contain("2.75"), "a = 1.75 + 1 = 2.75 was planted");
        }
    }

    [Test]
    public void A_failing_report_does_not_list_passing_tensors_as_failing()
    {
        string[] lines = Lines(FailingAtW2Entry13().ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.None.StartsWith("b2 (2):"));
            Assert.That(lines, Has.None.StartsWith("  b2["));
            Assert.That(lines, Has.One.EqualTo("Within tolerance: b2 (2)"));
        }
    }

    [Test]
    public void A_report_states_the_rule_the_method_and_the_step()
    {
        GradientCheckReport report = FailingAtW2Entry13();
        string[] lines = Lines(report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                lines,
                Has.One.EqualTo(
                    "Rule: |a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n; " +
                    "NaN or infinity fails; a = analytic (backprop), n = numerical"));
            Assert.That(
                lines,
                Has.One.EqualTo(
                    "Numerical gradient: five-point rule at ±h, ±2h (more where needed); h = ε^(1/5)/4 max(1, |x|) = 1.85e-04 max(1, |x|) in double; e(n) from h vs 2h + measured noise"));

            // ½ ||W2||² + ½ ||b2||² = 6.6; J(x) twice, 4 evaluations for each of the 10 entries, 2 more where the inner points leave the verdict open, J(x) once more.
            Assert.That(lines, Has.One.Match(@"^Cost J = 6\.60000000e\+00 at the given parameters; \d+ evaluations of J; whole gradient "));
            Assert.That(report.CostEvaluations, Is.InRange(3 + (4 * 10) + 2, 3 + (6 * 10)), "four per entry, two more for the failing one");
        }
    }

    [Test]
    public void A_report_with_a_stated_tolerance_states_it()
    {
        var model = new SquaredNorm();
        GradientCheckReport report = GradientChecker.Check(
            model.Cost, model.Parameters, model.Gradient(), new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) });
        string[] lines = Lines(report.ToString());
        Assert.That(lines, Has.One.EqualTo("Rule: |a - n| <= 1e-07 + 1e-07 * max(|a|, |n|); NaN or infinity fails; a = analytic (backprop), n = numerical"));
    }

    [Test]
    public void A_two_point_report_states_its_step()
    {
        var model = new SquaredNorm();
        GradientCheckReport report = GradientChecker.Check(
            model.Cost, model.Parameters, model.Gradient(), new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint });
        string[] lines = Lines(report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                lines,
                Has.One.StartsWith("Numerical gradient: central difference at ±h; h = cbrt(ε) max(1, |x|) = 6.06e-06 max(1, |x|) in double"));
            Assert.That(lines, Has.One.StartsWith("Cost J = 6.60000000e+00 at the given parameters; 23 evaluations of J; "));
        }
    }

    [Test]
    public void A_float_report_states_the_float_step_and_epsilon()
    {
        float[] theta = [1f, 2f];
        GradientCheckReport report = GradientChecker.Check(v => v[0] * v[1], theta, [2f, 1f]);
        Assert.That(report.ToString(), Does.Contain("h = ε^(1/5)/4 max(1, |x|) = 1.03e-02 max(1, |x|) in float;"));
    }

    [Test]
    public void A_passing_report_says_passed()
    {
        var model = new SquaredNorm();
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient());
        string text = report.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.StartWith("Gradient check passed: 2 tensors, 10 entries within tolerance."));
            Assert.That(text, Does.Not.Contain("outside tolerance"));
            Assert.That(text, Does.Not.Contain("Within tolerance:"), "no need to list passing tensors when all pass");
            Assert.That(report.Summary, Is.EqualTo("all 2 tensors within tolerance (10 entries)"));
        }
    }

    [Test]
    public void A_summary_names_each_failing_tensor_with_its_count()
    {
        var model = new SquaredNorm();
        Dictionary<string, Array> gradient = model.Gradient();
        ((double[,])gradient["dW2"])[0, 0] = 7;
        ((double[,])gradient["dW2"])[1, 1] = 7;
        ((double[])gradient["db2"])[1] = 7;
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, gradient);
        Assert.That(report.Summary, Is.EqualTo("2 of 2 tensors outside tolerance: W2 (2 of 8 entries), b2 (1 of 2 entries)"));
    }

    [Test]
    public void A_report_with_more_failures_than_shown_says_how_many_more()
    {
        var model = new SquaredNorm();
        Dictionary<string, Array> gradient = model.Gradient();
        Arrays.Transform<double>(gradient["dW2"], g => g + 1);
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, gradient, new GradientCheckOptions { WorstEntriesShown = 3 });
        string[] lines = Lines(report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Where(line => line.StartsWith("  W2[", StringComparison.Ordinal)), Has.Exactly(3).Items);
            Assert.That(lines, Has.One.EqualTo("  ... and 5 more of 8 entries outside tolerance"));
        }
    }

    [Test]
    public void A_report_explains_non_finite_entries()
    {
        double[] theta = [1, 1];
        GradientCheckReport analytic = GradientChecker.Check(v => v[0] + v[1], theta, [double.NaN, 1]);
        GradientCheckReport numeric = GradientChecker.Check(v => v[1] > 1 ? double.NaN : v[0] + v[1], theta, [1, 1]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lines(analytic.ToString()), Has.One.Match(@"^  theta\[0\] .*  analytic gradient not finite$"));
            Assert.That(Lines(numeric.ToString()), Has.One.Match(@"^  theta\[1\] .*  cost not finite at a perturbed point$"));
        }
    }

    [Test]
    public void A_report_lists_kinks_with_their_one_sided_derivatives()
    {
        // relu(w₀) + w₁ at w₀ = 0: a kink with one-sided derivatives 0 and 1, and a = 0.5 between them.
        GradientCheckReport report = GradientChecker.Check(v => Math.Max(0, v[0]) + v[1], [0.0, 1.0], [0.5, 1.0]);
        string[] lines = Lines(report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("Gradient check passed: 1 tensor, 2 entries within tolerance."));
            Assert.That(lines, Has.One.StartsWith("Kinks: 1 entries where the cost is not differentiable within the stencil"));
            Assert.That(lines, Has.One.EqualTo("  theta: 1 at kinks: theta[0] a = 0.5 in [0, 1]"));
        }
    }

    [Test]
    public void A_report_explains_a_value_outside_the_one_sided_derivatives_at_a_kink()
    {
        GradientCheckReport report = GradientChecker.Check(v => Math.Max(0, v[0]) + v[1], [0.0, 1.0], [2.0, 1.0]);
        string[] lines = Lines(report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("Gradient check passed: 1 tensor, 2 entries within tolerance."));
            Assert.That(lines, Has.One.EqualTo("  theta: 1 at kinks: theta[0] a = 2 outside [0, 1] NOT CHECKABLE"));
            Assert.That(report.Summary, Is.EqualTo("all 1 tensors within tolerance (2 entries); 1 entry not checkable where kinks may meet"));
        }
    }

    [Test]
    public void A_report_explains_a_kink_that_fails_because_the_options_say_so()
    {
        GradientCheckReport report = GradientChecker.Check(
            v => Math.Max(0, v[0]) + v[1], [0.0, 1.0], [0.5, 1.0], new GradientCheckOptions { KinksFail = true });
        Assert.That(Lines(report.ToString()), Has.One.Match(@"^  theta\[0\] .*  kink \(the options make kinks fail\): one-sided derivatives \[0, 1\]$"));
    }

    [Test]
    public void Writes_the_report_of_a_cost_that_is_NaN_within_the_inner_points()
    {
        // J = θ₀² + θ₁² up to θ₀ = 1 + 1.5h, NaN beyond: x + 2h is outside, so θ₀'s estimate is NaN and
        // the entry fails. Shown with one entry per tensor, the text must still be written and name the
        // failing entry.
        double h = StepSize.RelativeStep<float>(DifferenceMethod.Richardson);
        float limit = 1 + (float)(1.5 * h);
        GradientCheckReport report = GradientChecker.Check(
            v => v[0] > limit ? float.NaN : (v[0] * v[0]) + (v[1] * v[1]), [1f, 0.5f], [2f, 1f], new GradientCheckOptions { WorstEntriesShown = 1 });

        Assert.That(report.Passed, Is.False, "the data must fail");
        string text = string.Empty;
        Assert.That(() => text = report.ToString(), Throws.Nothing);
        Assert.That(Lines(text), Has.One.StartsWith("  theta[0] "));
    }

    [Test]
    public void A_report_of_a_cost_that_is_not_finite_states_the_problem()

    {
        var model = new SquaredNorm();
        GradientCheckReport report = GradientChecker.Check(() => double.PositiveInfinity, model.Parameters, model.Gradient());
        string[] lines = Lines(report.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("Gradient check failed:"));
            Assert.That(lines[1], Does.StartWith("  the cost is ∞ at the given parameters").Or.StartWith("  the cost is Infinity at the given parameters"));
            Assert.That(lines[1], Does.Contain("no gradient can be compared"));
            Assert.That(report.Summary, Is.EqualTo(report.Obstacles[0].Message));
        }
    }

    [Test]
    public void A_report_of_several_tensors_states_the_whole_gradient_figure_on_the_cost_line()
    {
        GradientCheckReport report = FailingAtW2Entry13();
        string[] lines = Lines(report.ToString());
        string figure = report.RelativeDifference.ToString("0.000e+00", CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                lines,
                Has.One.EqualTo(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Cost J = 6.60000000e+00 at the given parameters; {report.CostEvaluations} evaluations of J; whole gradient ||a - n|| / (||a|| + ||n||) = {figure} (reported, not the verdict)")));
            Assert.That(lines.Last(line => line.Length > 0), Does.StartWith("Cost J = "), "the last line");
            Assert.That(report.ToString(), Does.Not.Contain("Whole gradient:"), "no line of its own");
        }
    }

    [Test]
    public void A_report_of_one_tensor_leaves_out_the_whole_gradient_figure()
    {
        GradientCheckReport report = GradientChecker.Check(v => v[0] * v[0], [1.0], [2.0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.ToString(), Does.Not.Contain("whole gradient").IgnoreCase);
            Assert.That(Lines(report.ToString()), Has.One.Match(@"^Cost J = 1\.00000000e\+00 at the given parameters; \d+ evaluations of J$"));
        }
    }

    [Test]
    public void Formats_numbers_with_the_invariant_culture_whatever_the_current_one()
    {
        GradientCheckReport report = FailingAtW2Entry13();
        string invariant = report.ToString();
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            // A decimal comma and a different exponent sign (built by hand: the build uses invariant globalization).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.PositiveSign = "p";
            CultureInfo.CurrentCulture = comma;
            Assert.That(report.ToString(), Is.EqualTo(invariant));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>The squared-norm model with dW2[1,3] off by +1 (1.75 → 2.75); b2 correct.</summary>
    private static GradientCheckReport FailingAtW2Entry13()
    {
        var model = new SquaredNorm();
        Dictionary<string, Array> gradient = model.Gradient();
        ((double[,])gradient["dW2"])[1, 3] += 1;
        return GradientChecker.Check(model.Cost, model.Parameters, gradient);
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine);
}
