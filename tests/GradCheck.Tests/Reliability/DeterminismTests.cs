using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// The same model, seed and options give the same report, byte for byte, in text and in HTML: a failure
/// seen in CI is the failure seen at the desk. Each run builds its model afresh, so nothing carries over.
/// </summary>
public class DeterminismTests
{
    private static readonly CheckCoverage[] Coverages =
    [
        CheckCoverage.EveryEntry,
        CheckCoverage.SampledEntries(7, seed: 11),
        CheckCoverage.RandomDirections(directionsPerTensor: 2, seed: 11),
    ];

    [Test]
    public void The_same_seed_and_options_give_the_same_report_byte_for_byte(
        [ValueSource(nameof(Coverages))] CheckCoverage coverage,
        [Values] DifferenceMethod method,
        [Values] bool planted)
    {
        var options = new GradientCheckOptions { Coverage = coverage, Method = method };

        GradientCheckReport first = Run(options, planted);
        GradientCheckReport second = Run(options, planted);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.ToString(), Is.EqualTo(first.ToString()));
            Assert.That(HtmlReport.Create(second, "check"), Is.EqualTo(HtmlReport.Create(first, "check")));
            Assert.That(first.Passed, Is.EqualTo(!planted), first.ToString);
        }
    }

    [Test]
    public void Another_seed_samples_other_entries()
    {
        var network = new TanhNetwork<double>(4);
        int[][] Sampled(int seed) =>
        [
            .. GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(), new GradientCheckOptions { Coverage = CheckCoverage.SampledEntries(3, seed) })
                .Tensors.Select(tensor => Enumerable.Range(0, tensor.EntryCount).Where(index => !double.IsNaN(tensor.Numeric.Span[index])).ToArray()),
        ];

        Assert.That(Sampled(2), Is.Not.EqualTo(Sampled(1)));
    }

    private static GradientCheckReport Run(GradientCheckOptions options, bool planted)
    {
        var network = new TanhNetwork<double>(4);
        return GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(dropOneOverM: planted), options);
    }
}
