using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using static GradCheck.Tests.Reporting.Html.HtmlDocument;

namespace GradCheck.Tests.Reporting.Html;

public class HtmlReportTests
{
    private static readonly string[] Coordinates = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2", "stroke-width"];

    private static readonly TestCaseData[] Reports =
    [
        Case("correct", PlantedBugs.Correct),
        Case("dW2 doubled", PlantedBugs.DoubledW2),
        Case("a wrapped vector doubled", PlantedBugs.DoubledQuadratic),
        Case("one entry wrong", () => PlantedBugs.OneEntryWrong()),
        Case("NaN in the gradient", PlantedBugs.NaNInGradient),
        Case("a NaN cost", PlantedBugs.NaNCost),
        Case("rank 3", PlantedBugs.RankThree),
    ];

    [TestCaseSource(nameof(Reports))]
    public void Is_well_formed_XML_after_the_doctype_line(Func<GradientCheckReport> report)
    {
        string html = HtmlReport.Create(report(), "a test");
        XDocument document = Parse(html);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Root!.Name, Is.EqualTo(Xhtml + "html"));
            Assert.That(document.Descendants(Xhtml + "meta").Select(meta => (string?)meta.Attribute("charset")), Has.Member("utf-8"));
            Assert.That(html, Does.EndWith("</html>\n"));
        }
    }

    [TestCaseSource(nameof(Reports))]
    public void Draws_one_heatmap_and_one_scatter_plot_per_tensor(Func<GradientCheckReport> create)
    {
        GradientCheckReport report = create();
        XElement[] sections = Parse(HtmlReport.Create(report, "a test")).TensorSections();
        Assert.That(sections.Select(section => section.WithClass(Xhtml + "span", "name").Single().Value), Is.EquivalentTo(report.Tensors.Select(tensor => tensor.Name)));
        foreach (XElement section in sections)
        {
            XElement[] pictures = [.. section.Descendants(Svg + "svg")];
            Assert.That(pictures.Select(svg => svg.HasClass("heatmap") ? "heatmap" : svg.HasClass("scatter") ? "scatter" : (string?)svg.Attribute("class")), Is.EqualTo(new[] { "heatmap", "scatter" }));
        }
    }

    [Test]
    public void Shows_the_failing_tensor_first_and_folds_the_passing_ones_away()
    {
        XDocument document = Parse(HtmlReport.Create(PlantedBugs.DoubledW2(), "a test"));
        XElement details = document.Descendants(Xhtml + "details").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.TensorSections()[0].WithClass(Xhtml + "span", "name").Single().Value, Is.EqualTo("W2"));
            Assert.That(document.Section("W2").Ancestors(Xhtml + "details"), Is.Empty);
            Assert.That(details.Elements(Xhtml + "section").Select(section => section.WithClass(Xhtml + "span", "name").Single().Value), Is.EqualTo(new[] { "W1", "b1", "b2" }));
            Assert.That(details.Attribute("open"), Is.Null);
            Assert.That(details.Element(Xhtml + "summary")!.Value, Is.EqualTo("3 tensors within tolerance: W1 (3, 3), b1 (3), b2 (3)"));
        }
    }

    [Test]
    public void Unfolds_the_passing_tensors_when_nothing_failed()
    {
        XDocument document = Parse(HtmlReport.Create(PlantedBugs.Correct(), "a test"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)document.Descendants(Xhtml + "details").Single().Attribute("open"), Is.EqualTo("open"));
            Assert.That(document.WithClass(Xhtml + "p", "verdict").Single().Value, Is.EqualTo("Gradient check passed"));
        }
    }

    [Test]
    public void States_the_verdict_the_summary_and_each_failing_tensors_diagnosis()
    {
        GradientCheckReport report = PlantedBugs.DoubledW2();
        XDocument document = Parse(HtmlReport.Create(report, "a test"));
        XElement header = document.Descendants(Xhtml + "header").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(header.WithClass(Xhtml + "p", "verdict").Single().Value, Is.EqualTo("Gradient check failed"));
            Assert.That(header.WithClass(Xhtml + "p", "summary").Single().Value, Is.EqualTo(report.Summary));
            Assert.That(report.Tensors.Single(tensor => tensor.Name == "W2").Diagnosis, Is.Not.Null);
            Assert.That(header.WithClass(Xhtml + "ul", "diagnoses").Single().Value, Is.EqualTo("W2: " + report.Tensors.Single(tensor => tensor.Name == "W2").Diagnosis!.Description));
            Assert.That(document.Section("W2").WithClass(Xhtml + "p", "diagnosis").Single().Value, Does.Contain("every entry is 2.000x the numerical gradient"));
            Assert.That(document.Section("W2").WithClass(Xhtml + "span", "badge").Single().Value, Is.EqualTo("9 of 9 entries outside tolerance"));
            Assert.That(document.Section("W1").WithClass(Xhtml + "span", "badge").Single().Value, Is.EqualTo("all 9 entries within tolerance"));
        }
    }

    [Test]
    public void Shows_what_kept_the_check_from_being_made_for_a_cost_that_is_NaN_with_no_tensors_to_draw()
    {
        GradientCheckReport report = PlantedBugs.NaNCost();
        XDocument document = Parse(HtmlReport.Create(report, "a test"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Tensors, Is.Empty);
            Assert.That(document.WithClass(Xhtml + "ul", "obstacles").Single().Elements().Select(item => item.Value), Is.EqualTo(report.Obstacles.Select(obstacle => obstacle.Message)));
            Assert.That(document.WithClass(Xhtml + "p", "verdict").Single().Value, Is.EqualTo("Gradient check failed"));
            Assert.That(document.TensorSections(), Is.Empty);
            Assert.That(document.Descendants(Svg + "svg"), Is.Empty);
        }
    }

    [TestCaseSource(nameof(Reports))]
    public void Ends_with_the_whole_text_report(Func<GradientCheckReport> create)
    {
        GradientCheckReport report = create();
        XElement pre = Parse(HtmlReport.Create(report, "a test")).Descendants(Xhtml + "pre").Single();
        Assert.That(pre.Value, Is.EqualTo(report.ToString().ReplaceLineEndings("\n")));
        Assert.That(pre.Value, Does.Contain("Options: ").And.Contain("Rule: "));
    }

    [Test]
    public void Escapes_a_tensor_name_with_markup_characters()
    {
        const string name = "<W&\"2'>";
        string html = HtmlReport.Create(PlantedBugs.OneEntryWrong(name), "a test");
        XDocument document = Parse(html);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain(name));
            Assert.That(document.Section(name).WithClass(Xhtml + "span", "name").Single().Value, Is.EqualTo(name));
            Assert.That(document.Section(name).WithClass(Svg + "rect", "failed").Single().Tooltip(), Does.StartWith(name + "[1,3]\n"));
        }
    }

    [Test]
    public void Escapes_the_title()
    {
        const string title = "Gradient_of_<T>(\"a & b\")";
        XDocument document = Parse(HtmlReport.Create(PlantedBugs.Correct(), title));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Descendants(Xhtml + "title").Single().Value, Is.EqualTo(title));
            Assert.That(document.Descendants(Xhtml + "h1").Single().Value, Is.EqualTo(title));
        }
    }

    [Test]
    public void Gives_the_same_bytes_for_the_same_check()
    {
        string first = HtmlReport.Create(PlantedBugs.NaNInGradient(), "a test");
        string second = HtmlReport.Create(PlantedBugs.NaNInGradient(), "a test");
        Assert.That(Encoding.UTF8.GetBytes(second), Is.EqualTo(Encoding.UTF8.GetBytes(first)));
    }

    [Test]
    public void Writes_to_a_writer_what_Create_returns()
    {
        GradientCheckReport report = PlantedBugs.DoubledW2();
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\r\n" })
        {
            HtmlReport.Write(report, writer, "a test");
        }

        Assert.That(stream.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(HtmlReport.Create(report, "a test"))));
    }

    [Test]
    [SetCulture("de-DE")]
    public void Writes_no_decimal_comma_under_de_DE()
    {
        Assert.That(0.5.ToString(), Is.EqualTo("0,5"), "de-DE writes a decimal comma (needs culture data: no invariant globalization)");
        XDocument document = Parse(HtmlReport.Create(LargeNetworkReport.Report, "a test"));
        string[] coordinates = [.. document.Descendants().Attributes().Where(attribute => Coordinates.Contains(attribute.Name.LocalName)).Select(attribute => attribute.Value)];
        string[] ticks = [.. document.WithClass(Svg + "text", "tick").Select(text => text.Value)];
        // Without the entry labels, whose indices a comma separates: W1[3,2].
        string[] tooltips = [.. document.Descendants(Svg + "title").Select(title => Regex.Replace(title.Value, @"\[[^\]]*\]", "[]"))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(coordinates, Has.Length.GreaterThan(1000).And.All.Match(@"^-?\d+(\.\d+)?$"), "SVG coordinates, plain invariant numbers");
            Assert.That(ticks, Has.Length.GreaterThan(10).And.All.Match(@"^-?\d+(\.\d+)?(e[-+]\d+)?$"), "tick labels");
            Assert.That(tooltips, Has.Length.GreaterThan(2000).And.None.Match(@"\d,\d"), "a, n and errors in tooltips");
            Assert.That(document.Descendants(Xhtml + "figcaption").Select(caption => caption.Value), Has.Some.Contains("2,000 of 61,440 entries"), "thousands with a comma, as in English");
        }
    }

    [Test]
    [ForeignNumberFormat]
    public void Writes_the_same_page_whatever_the_cultures_number_symbols()
    {
        Assert.That((-0.5).ToString(), Is.EqualTo("\u22120,5"), "the test culture has its own minus and a decimal comma");
        GradientCheckReport report = LargeNetworkReport.Report;
        string html = HtmlReport.Create(report, "a test");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("&#x2212;").And.Not.Contain("&#x208A;").And.Not.Contain("nicht-Zahl"), "the culture's own minus, plus and NaN");
            Assert.That(html, Does.Contain("a = NaN"));
            Assert.That(html, Is.EqualTo(InvariantHtml(report)), "the same page as in the invariant culture");
        }
    }

    [TestCaseSource(nameof(Reports))]
    public void Is_pure_ASCII(Func<GradientCheckReport> report)
    {
        string html = HtmlReport.Create(report(), "ε ≤ ∞");
        Assert.That(html.Where(c => c > '\u007e' || (c < ' ' && c != '\n')), Is.Empty);
    }

    [Test]
    public void Loads_nothing_from_outside_the_page()
    {
        string html = HtmlReport.Create(LargeNetworkReport.Report, "a test");
        XDocument document = Parse(html);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Descendants().Select(element => element.Name.LocalName), Has.None.AnyOf("script", "link", "img", "image", "iframe", "object", "use"));
            Assert.That(document.Descendants().Attributes().Select(attribute => attribute.Name.LocalName), Has.None.AnyOf("src", "srcset", "xlink:href", "style").Or.StartsWith("on"));
            Assert.That(document.Descendants().Attributes("href").Select(attribute => attribute.Value), Has.All.StartsWith("#tensor-"), "links within the page only");
            Assert.That(html, Does.Not.Contain("url(").And.Not.Contain("@import").And.Not.Contain("@font-face"));
        }
    }

    [Test]
    public void Stays_well_under_two_megabytes_for_a_61k_entry_report()
    {
        GradientCheckReport report = LargeNetworkReport.Report;
        int bytes = Encoding.UTF8.GetByteCount(HtmlReport.Create(report, "a test"));
        TestContext.Out.WriteLine($"{bytes:N0} bytes for {report.Tensors.Sum(tensor => tensor.EntryCount):N0} entries");
        Assert.That(bytes, Is.LessThan(2_000_000));
    }

    [Test]
    public void Throws_for_a_null_argument()
    {
        GradientCheckReport report = PlantedBugs.Correct();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => HtmlReport.Create(null!, "title"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("report"));
            Assert.That(() => HtmlReport.Create(report, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("title"));
            Assert.That(() => HtmlReport.Write(null!, TextWriter.Null, "title"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("report"));
            Assert.That(() => HtmlReport.Write(report, null!, "title"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("writer"));
            Assert.That(() => HtmlReport.Write(report, TextWriter.Null, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("title"));
        }
    }

    private static TestCaseData Case(string name, Func<GradientCheckReport> create) => new TestCaseData(create).SetArgDisplayNames(name);

    private static string InvariantHtml(GradientCheckReport report)
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            return HtmlReport.Create(report, "a test");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
