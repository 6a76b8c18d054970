using System.Xml.Linq;
using GradCheck.Reporting.Html;

namespace GradCheck.Tests.Reporting.Html;

public class HtmlTextTests
{
    [TestCase("a < b", "a &lt; b")]
    [TestCase("W&b", "W&amp;b")]
    [TestCase("\"x\" > 'y'", "&quot;x&quot; &gt; &#39;y&#39;")]
    public void Escapes_the_characters_markup_gives_meaning_to(string text, string expected)
    {
        Assert.That(HtmlText.Escape(text), Is.EqualTo(expected));
    }

    [Test]
    public void Leaves_plain_text_as_it_is()
    {
        const string text = "W1[3,2]: a = 1.5e-03\nn = -2";
        Assert.That(HtmlText.Escape(text), Is.SameAs(text));
    }

    [Test]
    public void Writes_characters_outside_ASCII_as_references()
    {
        // ∞ is U+221E; 𝜃 (U+1D703) is a surrogate pair in UTF-16 and one reference in the page.
        Assert.That(HtmlText.Escape("ε ≤ ∞, 𝜃"), Is.EqualTo("&#x3B5; &#x2264; &#x221E;, &#x1D703;"));
    }

    [Test]
    public void Replaces_characters_XML_forbids_with_the_replacement_character()
    {
        string escaped = HtmlText.Escape("a\u0001b\uD800c\uFFFFd");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(escaped, Is.EqualTo("a&#xFFFD;b&#xFFFD;c&#xFFFD;d"));
            Assert.That(XElement.Parse($"<p title=\"{escaped}\">{escaped}</p>").Value, Is.EqualTo("a\uFFFDb\uFFFDc\uFFFDd"));
        }
    }

    [Test]
    public void Escaped_text_reads_back_as_the_original_in_text_and_in_attributes()
    {
        const string text = "<W&\"1'>\t∞\n";
        XElement element = XElement.Parse($"<p title=\"{HtmlText.Escape(text)}\">{HtmlText.Escape(text)}</p>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(element.Value, Is.EqualTo(text));

            // An attribute's tab and newline are normalised to spaces by any XML parser; the rest survives.
            Assert.That((string?)element.Attribute("title"), Is.EqualTo("<W&\"1'> ∞ "));
        }
    }

    [TestCase(1.5e-7, 2, "1.50e-07")]
    [TestCase(-2.0, 3, "-2.000e+00")]
    [TestCase(double.NaN, 2, "NaN")]
    [TestCase(double.PositiveInfinity, 2, "+∞")]
    [TestCase(double.NegativeInfinity, 2, "-∞")]
    public void Writes_scientific_notation_and_names_non_finite_values(double value, int digits, string expected)
    {
        Assert.That(HtmlText.Scientific(value, digits), Is.EqualTo(expected));
    }

    [Test]
    [ForeignNumberFormat]
    public void Formats_numbers_in_the_invariant_culture_whatever_the_current_one()
    {
        Assert.That((-1.5).ToString(), Is.EqualTo("\u22121,5"), "the test culture writes its own minus and a decimal comma");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HtmlText.Scientific(-1.5e-7, 2), Is.EqualTo("-1.50e-07"));
            Assert.That(HtmlText.Pixels(-12.345), Is.EqualTo("-12.35"));
            Assert.That(HtmlText.Count(61440), Is.EqualTo("61,440"));
        }
    }
}
