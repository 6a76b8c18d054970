using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Reporting;

public class NumericalMethodTests
{
    [Test]
    public void States_the_two_point_formula_with_its_step_and_epsilon()
    {
        var method = new NumericalMethod("double", DifferenceMethod.CentralTwoPoint, 6.0555e-6, Math.ScaleB(1.0, -52));
        Assert.That(
            method.ToString(),
            Is.EqualTo("central difference (J(x+h) - J(x-h)) / 2h, h = cbrt(ε) max(1, |x|) = 6.06e-06 max(1, |x|) for double (ε = 2.22e-16); " +
                "error estimate: 8 ulps of round-off only, kinks not detected; points exactly representable, differences in double"));
    }

    [Test]
    public void States_the_Richardson_rule_with_its_step_and_epsilon()
    {
        var method = new NumericalMethod("float", DifferenceMethod.Richardson, 1.0331e-2, Math.ScaleB(1.0, -23));
        Assert.That(
            method.ToString(),
            Does.StartWith("Richardson extrapolation of central differences at h, 2h, 4h, h = ε^(1/5)/4 max(1, |x|) = 1.03e-02 max(1, |x|) for float (ε = 1.19e-07)")
                .And.EndWith("; points exactly representable, differences in double"));
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
}
