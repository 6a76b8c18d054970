using GradCheck.Diagnosis;

namespace GradCheck.Tests.Diagnosis;

public class WordingTests
{
    [TestCase(2.0, "2.000")]
    [TestCase(0.25, "0.250")]
    [TestCase(-1.0, "-1.000")]
    [TestCase(1.01, "1.010")]
    [TestCase(1.0002, "1.0002")]
    [TestCase(0.99993, "0.99993")]
    [TestCase(0.00012, "0.00012")]
    [TestCase(1.0000000003, "1.0000000003")]
    [TestCase(0.9999999, "0.9999999")]
    [SetCulture("de-DE")]
    public void A_factor_has_three_decimals_unless_they_would_hide_it(double factor, string expected)
    {
        Assert.That(Wording.Factor(factor), Is.EqualTo(expected));
    }

    [Test]
    public void A_long_list_stops_after_eight_and_counts_the_rest()
    {
        string[] items = [.. Enumerable.Range(0, 11).Select(i => $"W[{i}]")];
        Assert.That(Wording.List(items), Is.EqualTo("W[0], W[1], W[2], W[3], W[4], W[5], W[6], W[7] and 3 more"));
    }
}
