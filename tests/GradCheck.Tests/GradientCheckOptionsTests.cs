using GradCheck.Comparison;
using GradCheck.Coverage;
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

    [TestCase(0)]
    [TestCase(-3)]
    public void Refuses_a_batch_size_below_one_naming_it(int size)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new GradientCheckOptions { BatchSize = size });
        Assert.That(exception.ParamName, Is.EqualTo(nameof(GradientCheckOptions.BatchSize)));
    }

    [Test]
    public void Has_no_batch_size_unless_given()
    {
        Assert.That(GradientCheckOptions.Default.BatchSize, Is.Null);
    }

    [Test]
    public void A_report_prints_its_options_as_the_code_that_recreates_them()
    {
        var options = new GradientCheckOptions
        {
            Tolerance = GradientTolerance.Within(1e-7, 0.25),
            KinksFail = true,
            BatchSize = 4,
            WorstEntriesShown = 3,
            Method = DifferenceMethod.CentralTwoPoint,
            Coverage = CheckCoverage.SampledEntries(4, seed: 7),
            Workers = 2,
        };
        GradientCheckReport report = GradientChecker.Check(v => v[0] * v[0], [1.5], [3.0], options);
        Assert.That(report.ToString().Split(Environment.NewLine), Has.One.EqualTo(
            "Options: new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint, Tolerance = GradientTolerance.Within(1E-07, 0.25), KinksFail = true, BatchSize = 4, Coverage = CheckCoverage.SampledEntries(4, 7), WorstEntriesShown = 3 }"));
    }

    [Test]
    public void Re_checks_entries_not_checkable_at_the_given_point_at_a_point_nudged_with_seed_1_unless_told_otherwise()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GradientCheckOptions.Default.RecheckAtNudgedPoint, Is.True);
            Assert.That(GradientCheckOptions.Default.NudgeSeed, Is.EqualTo(GradientCheckOptions.DefaultNudgeSeed).And.EqualTo(1));
        }
    }

    [Test]
    public void Only_the_options_that_differ_from_the_defaults_are_written()
    {
        string Line(GradientCheckOptions options) =>
            GradientChecker.Check(v => v[0] * v[0], [1.5], [3.0], options).ToString().Split(Environment.NewLine).Single(line => line.StartsWith("Options: ", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Line(GradientCheckOptions.Default), Is.EqualTo("Options: GradientCheckOptions.Default"));
            Assert.That(Line(new GradientCheckOptions()), Is.EqualTo("Options: GradientCheckOptions.Default"), "options equal to the defaults");
            Assert.That(Line(new GradientCheckOptions { RecheckAtNudgedPoint = false, NudgeSeed = -3 }), Is.EqualTo("Options: new GradientCheckOptions { RecheckAtNudgedPoint = false, NudgeSeed = -3 }"));
            Assert.That(Line(new GradientCheckOptions { Tensors = ["theta"], WorstEntriesShown = 2 }), Is.EqualTo("Options: new GradientCheckOptions { Tensors = [\"theta\"], WorstEntriesShown = 2 }"));
        }
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
