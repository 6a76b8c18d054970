using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Reporting;

public class NumericalMethodTests
{
    /// <summary>
    /// The most a method line may hold after its label (<c>Numerical gradient: </c> and the like): one
    /// line of modest length, about 170 characters with the label, that still says the rule, the step
    /// with its value and where e(n) comes from. The whole account is the README's.
    /// </summary>
    private const int MethodTextBudget = 150;

    [Test]
    public void States_the_two_point_rule_with_its_step_and_error_estimate()
    {
        var method = new NumericalMethod("double", DifferenceMethod.CentralTwoPoint, 6.0555e-6, Math.ScaleB(1.0, -52));
        Assert.That(
            method.ToString(),
            Is.EqualTo("central difference at ±h; h = cbrt(ε) max(1, |x|) = 6.06e-06 max(1, |x|) in double; e(n) = 8 ulps of round-off, no kink test"));
    }

    [Test]
    public void States_the_Richardson_rule_at_every_point_with_its_step_and_error_estimate()
    {
        var method = new NumericalMethod("float", DifferenceMethod.Richardson, 1.0331e-2, Math.ScaleB(1.0, -23));
        Assert.That(
            method.ToString(),
            Is.EqualTo("five-point rule R(h) at ±h, ±2h, ±4h; h = ε^(1/5)/4 max(1, |x|) = 1.03e-02 max(1, |x|) in float; e(n) = |R(h) - R(2h)| + 2 ulps of round-off"));
    }

    [Test]
    public void States_the_staged_Richardson_rule_with_its_step_and_where_its_error_estimate_comes_from()
    {
        var method = new NumericalMethod("double", DifferenceMethod.Richardson, 1.8458e-4, Math.ScaleB(1.0, -52)) { Staged = true };
        Assert.That(
            method.ToString(),
            Is.EqualTo("five-point rule at ±h, ±2h (more where needed); h = ε^(1/5)/4 max(1, |x|) = 1.85e-04 max(1, |x|) in double; e(n) from h vs 2h + measured noise"));
    }

    [Test]
    public void Is_what_a_report_carries_for_its_element_type_and_method()
    {
        GradientCheckReport report = GradientChecker.Check(v => v[0], [1f], [1f]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Method.ElementType, Is.EqualTo("float"));
            Assert.That(report.Method.Rule, Is.EqualTo(DifferenceMethod.Richardson));
            Assert.That(report.Method.MachineEpsilon, Is.EqualTo(Math.ScaleB(1.0, -23)));
            Assert.That(report.Method.RelativeStep, Is.EqualTo(StepSize.RelativeStep<float>(DifferenceMethod.Richardson)));
        }
    }

    /// <summary>
    /// Every method line a report can print (gradient checks staged or not, Jacobians, Hessian-vector
    /// products with and without their step, for every rule and element type) is one line within the
    /// budget that names the step and the element type.
    /// </summary>
    [TestCaseSource(nameof(Reports))]
    public void Every_method_line_is_one_line_within_its_budget(string elementType, string report)
    {
        string[] lines = [.. report.Split(Environment.NewLine).Where(line => line.StartsWith("Numerical ", StringComparison.Ordinal))];
        Assert.That(lines, Has.Length.EqualTo(1), report);
        string text = lines[0][(lines[0].IndexOf(": ", StringComparison.Ordinal) + 2)..];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Has.Length.LessThanOrEqualTo(MethodTextBudget), lines[0]);
            Assert.That(text, Does.Contain(" in " + elementType + "; e(n) "), lines[0]);
            Assert.That(text, Does.Contain("; h = "), lines[0]);
        }
    }

    private static IEnumerable<TestCaseData> Reports() =>
        Enum.GetValues<DifferenceMethod>().SelectMany(rule => ReportsOf<double>(rule).Concat(ReportsOf<float>(rule)));

    private static IEnumerable<TestCaseData> ReportsOf<T>(DifferenceMethod rule)
        where T : IFloatingPointIeee754<T>
    {
        string type = typeof(T) == typeof(float) ? "float" : "double";
        T[] x = [T.CreateTruncating(0.5), T.CreateTruncating(-1.5), T.CreateTruncating(2.0)];
        T[] v = [T.One, T.CreateTruncating(-0.25), T.Zero];

        // J = x0² + x1 x2: g = (2 x0, x2, x1), H = [[2, 0, 0], [0, 0, 1], [0, 1, 0]].
        static T[] Gradient(T[] t) => [T.CreateTruncating(2) * t[0], t[2], t[1]];
        T[,] hessian = { { T.CreateTruncating(2), T.Zero, T.Zero }, { T.Zero, T.Zero, T.One }, { T.Zero, T.One, T.Zero } };
        var options = new GradientCheckOptions { Method = rule };

        (string Check, Func<GradientCheckReport> Run)[] checks =
        [
            ("full gradient", () => GradientChecker.Check(t => (t[0] * t[0]) + (t[1] * t[2]), x, Gradient(x), options)),
            ("gradient along directions", () => GradientChecker.Check(t => (t[0] * t[0]) + (t[1] * t[2]), x, Gradient(x), options with { Coverage = CheckCoverage.RandomDirections(seed: 1) })),
            ("Jacobian", () => JacobianChecker.Check(Gradient, x, hessian, options)),
            ("Hessian-vector product", () => HessianVectorProductChecker.Check(Gradient, x, v, [T.CreateTruncating(2) * v[0], v[2], v[1]], options)),
            ("Hessian-vector product, g NaN at x", () => HessianVectorProductChecker.Check(_ => [T.NaN, T.NaN, T.NaN], x, v, [T.One, T.One, T.One], options)),
        ];
        return checks.Select(check => new TestCaseData(type, check.Run().ToString()).SetArgDisplayNames(check.Check, rule.ToString(), type));
    }
}
