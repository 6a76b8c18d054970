using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests;

public class GradientCheckOptionsTests
{
    [Test]
    public void Default_is_Richardson_with_the_automatic_tolerance_accepting_kinks_and_showing_eight_entries()
    {
        GradientCheckOptions options = GradientCheckOptions.Default;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Method, Is.EqualTo(DifferenceMethod.Richardson));
            Assert.That(options.Tolerance, Is.SameAs(GradientTolerance.Automatic));
            Assert.That(options.KinksFail, Is.False);
            Assert.That(options.WorstEntriesShown, Is.EqualTo(8));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Refuses_fewer_than_one_entry_shown(int shown)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new GradientCheckOptions { WorstEntriesShown = shown });
    }

    [Test]
    public void Refuses_a_null_tolerance()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new GradientCheckOptions { Tolerance = null! });
    }

    [Test]
    public void Derives_variants_with_with_leaving_the_default_alone()
    {
        GradientCheckOptions options = GradientCheckOptions.Default with { Tolerance = GradientTolerance.Within(1e-7), Method = DifferenceMethod.CentralTwoPoint };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Tolerance, Is.EqualTo(GradientTolerance.Within(1e-7)));
            Assert.That(options.Method, Is.EqualTo(DifferenceMethod.CentralTwoPoint));
            Assert.That(options.WorstEntriesShown, Is.EqualTo(8));
            Assert.That(GradientCheckOptions.Default.Tolerance, Is.SameAs(GradientTolerance.Automatic));
            Assert.That(GradientCheckOptions.Default.Method, Is.EqualTo(DifferenceMethod.Richardson));
        }
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(20)]
    public void Keeps_as_many_worst_entries_per_tensor_as_asked(int shown)
    {
        var model = new SquaredNorm();
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient(), new GradientCheckOptions { WorstEntriesShown = shown });

        // W2 has 8 entries and b2 has 2: a tensor keeps min(shown, entries).
        Assert.That(report.Tensors.Select(tensor => tensor.WorstEntries.Count), Is.EqualTo(new[] { Math.Min(shown, 8), Math.Min(shown, 2) }));
    }
}
