using System.Globalization;
using System.Xml.Linq;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>Reads a page of <c>HtmlReport</c> back as XML, the way a tool would, to find its heatmaps, cells and points.</summary>
internal static class HtmlDocument
{
    public const string Doctype = "<!DOCTYPE html>\n";

    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Parses everything after the doctype line; throws <see cref="System.Xml.XmlException"/> if it is not well-formed.</summary>
    public static XDocument Parse(string html)
    {
        Assert.That(html, Does.StartWith(Doctype));
        return XDocument.Parse(html[Doctype.Length..]);
    }

    /// <summary>The elements named <paramref name="name"/> whose class list holds <paramref name="className"/>.</summary>
    public static IEnumerable<XElement> WithClass(this XContainer container, XName name, string className) =>
        container.Descendants(name).Where(element => element.HasClass(className));

    public static bool HasClass(this XElement element, string className) =>
        ((string?)element.Attribute("class") ?? string.Empty).Split(' ').Contains(className);

    /// <summary>A numeric attribute, read in the invariant culture.</summary>
    public static double Number(this XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The text of an element's SVG tooltip.</summary>
    public static string Tooltip(this XElement element) => element.Element(Svg + "title")?.Value ?? string.Empty;

    /// <summary>The sections of the page, one per tensor.</summary>
    public static XElement[] TensorSections(this XDocument document) => [.. document.WithClass(Xhtml + "section", "tensor")];

    /// <summary>The section of the tensor with this name.</summary>
    public static XElement Section(this XDocument document, string tensorName) =>
        document.TensorSections().Single(section => section.WithClass(Xhtml + "span", "name").Single().Value == tensorName);
}
