using System.Reflection;
using System.Xml.Linq;

namespace GradCheck.Tests.PublicApi;

/// <summary>
/// The XML documentation the package ships (GradCheck.xml, beside the assembly) documents the public
/// API and nothing else, and every public type has a summary that says something.
/// </summary>
public class DocumentationFileTests
{
    private static readonly Assembly Engine = typeof(GradientChecker).Assembly;

    private static XElement[] Members() =>
        [.. XDocument.Load(Path.ChangeExtension(Engine.Location, ".xml")).Root!.Element("members")!.Elements("member")];

    [Test]
    public void Documents_only_public_types()
    {
        string[] types = [.. Members().Select(member => (string)member.Attribute("name")!).Where(name => name.StartsWith("T:", StringComparison.Ordinal)).Select(name => name[2..])];
        string[] hidden = [.. types.Where(name => Engine.GetType(name) is not { IsVisible: true })];

        Assert.That(types, Is.Not.Empty);
        Assert.That(hidden, Is.Empty, "documented but not public");
    }

    [Test]
    public void Every_public_type_has_a_summary_that_says_something()
    {
        Dictionary<string, string> summaries = Members().ToDictionary(
            member => (string)member.Attribute("name")!,
            member => member.Element("summary")?.Value.Trim() ?? string.Empty,
            StringComparer.Ordinal);
        string[] undocumented = [.. Engine.GetExportedTypes()
            .Select(type => "T:" + type.FullName!.Replace('+', '.'))
            .Where(id => !summaries.TryGetValue(id, out string? summary) || summary.Length == 0)];

        Assert.That(undocumented, Is.Empty);
    }
}
