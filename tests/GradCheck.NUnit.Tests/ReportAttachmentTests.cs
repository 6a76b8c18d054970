using System.Xml.Linq;
using GradCheck.NUnit.Samples;
using NUnit.Framework.Interfaces;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// A failing gradient assertion attaches its picture to the test: one self-contained HTML file per
/// failing assertion, named after the test, which the message points to; a passing test gets none.
/// </summary>
public class ReportAttachmentTests
{
    private static readonly Lazy<Dictionary<string, ITestResult>> Results = new(() => FixtureRunner.Run(typeof(MessageScenarios)));

    [TestCase("Seeds_network_with_planted_bugs_wrong")]
    [TestCase("Layer_backward_wrong")]
    [TestCase("Jacobian_transposed_wrong")]
    public void A_failing_assertion_attaches_one_html_picture_that_its_message_names(string test)
    {
        ITestResult result = Results.Value[test];
        TestAttachment attachment = result.TestAttachments.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(attachment.FilePath, Does.EndWith($"MessageScenarios.{test}.html"));
            Assert.That(File.Exists(attachment.FilePath), attachment.FilePath);
            Assert.That(result.Message, Does.Contain($"Pictures: {attachment.FilePath} "));
            Assert.That(attachment.Description, Does.StartWith("Gradient check: heatmap"));
        }

        string html = File.ReadAllText(attachment.FilePath);
        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(() => XDocument.Parse(html[html.IndexOf('\n', StringComparison.Ordinal)..]), Throws.Nothing, "the picture is well-formed");
    }

    [TestCase("Seeds_network_with_planted_bugs_right")]
    [TestCase("Right_gradient_asserted_wrong_right")]
    public void A_passing_assertion_attaches_nothing(string test)
    {
        Assert.That(Results.Value[test].TestAttachments, Is.Empty);
    }

    [Test]
    public void A_check_that_could_not_run_attaches_nothing_and_says_why_in_words()
    {
        ITestResult result = Results.Value["Cost_NaN_at_the_given_point_wrong"];
        Assert.That(result.TestAttachments, Is.Empty);
        Assert.That(result.Message, Does.Not.Contain("Pictures:"));
    }
}
