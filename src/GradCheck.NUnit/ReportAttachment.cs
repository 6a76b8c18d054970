using System.Text;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace GradCheck.NUnit;

/// <summary>
/// Writes a failing check's report as a self-contained HTML file (a heatmap of each tensor's relative
/// errors and a scatter plot of a against n) and attaches it to the current test, where test
/// explorers and the TRX file show it. A failure to write it never hides the assertion's own failure.
/// </summary>
internal static class ReportAttachment
{
    /// <summary>The folder, under the test run's work directory, that holds the pictures.</summary>
    public const string Folder = "gradcheck-reports";

    /// <summary>The longest file name kept from a test's name (the rest of a long name is cut).</summary>
    private const int LongestName = 100;

    /// <summary>
    /// Serialises the numbering, the writing and the attaching of pictures: failing checks may run at once
    /// inside one test (on Parallel.For), and NUnit's list of a result's attachments is not thread-safe.
    /// </summary>
    private static readonly object Gate = new();

    /// <summary>
    /// Writes and attaches the picture of <paramref name="report"/>; returns a line for the failure
    /// message that says where it is, or why there is none; null outside a running test. Nothing it
    /// meets keeps the failure message from being shown.
    /// </summary>
    public static string? Attach(GradientCheckReport report)
    {
        TestContext context = TestContext.CurrentContext;
        if (context?.Test?.FullName is not { Length: > 0 } testName || string.IsNullOrEmpty(context.WorkDirectory))
        {
            return null;
        }

        try
        {
            string folder = Path.Combine(context.WorkDirectory, Folder);
            Directory.CreateDirectory(folder);
            string path = WriteAndAttach(folder, FileName(testName), HtmlReport.Create(report, testName));
            return $"Pictures: {path} (a heatmap and a scatter plot per tensor; attached to the test)";
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The picture is an extra: whatever keeps it from being written or attached (a full disk, a
            // test body attaching files of its own on another thread) is said in one line, never instead
            // of the failure.
            return $"Pictures: not written ({exception.GetType().Name}: {exception.Message})";
        }
    }

    /// <summary>
    /// Writes the n-th picture of the current test as name.html, name.2.html, ...: numbered by the
    /// pictures already attached to this result, so that a test with several failing assertions keeps
    /// them all, and a run overwrites the files of earlier runs instead of piling up new ones. Counted,
    /// written and attached under one lock, so that failures at once never share a number.
    /// </summary>
    private static string WriteAndAttach(string folder, string name, string html)
    {
        lock (Gate)
        {
            int earlier = TestExecutionContext.CurrentContext.CurrentResult.TestAttachments
                .Count(attachment => Path.GetDirectoryName(attachment.FilePath) == folder);
            string path = Path.Combine(folder, earlier == 0 ? $"{name}.html" : $"{name}.{earlier + 1}.html");
            File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            TestContext.AddTestAttachment(path, "Gradient check: heatmap of the relative error and scatter plot of a against n, per tensor");
            return path;
        }
    }

    /// <summary>The test's full name with every character a file system may refuse replaced by '_'.</summary>
    private static string FileName(string testName)
    {
        char[] invalid = [.. Path.GetInvalidFileNameChars(), '(', ')', '"', ' ', ',', ':', '<', '>', '|', '*', '?'];
        var name = new StringBuilder(Math.Min(testName.Length, LongestName));
        foreach (char character in testName.AsSpan(0, Math.Min(testName.Length, LongestName)))
        {
            name.Append(Array.IndexOf(invalid, character) >= 0 ? '_' : character);
        }

        return name.ToString();
    }
}
