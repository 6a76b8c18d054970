using System.Globalization;
using GradCheck.Parameters;
using GradCheck.Reporting.Html;

namespace GradCheck.Reporting;

/// <summary>
/// A <see cref="GradientCheckReport"/> as one self-contained HTML page, to attach to a failing test:
/// the verdict and each failing tensor's diagnosis first; then per tensor, failing ones first, a
/// heatmap of where the relative error is (log scale, failing entries outlined) and a scatter plot of
/// analytic against numerical values (a factor-of-2 bug is a line of slope 2); then the full text report.
/// </summary>
/// <remarks>
/// The page loads nothing (inline CSS and SVG, no script, no fonts), so it opens offline and from an
/// attachment. It is also well-formed XML after its <c>&lt;!DOCTYPE html&gt;</c> line, so tools can read
/// it back. It is pure ASCII (other characters are written as character references) and
/// deterministic: the same report gives the same text in every culture, with numbers in the invariant
/// culture. Large tensors are drawn in blocks of at most 64 x 64 cells and at most 2,000 points, so the
/// page of a 61,000-parameter network stays a few hundred kilobytes.
/// </remarks>
public static class HtmlReport
{
    /// <summary>Writes the page of a report into a string.</summary>
    /// <param name="report">The report to draw.</param>
    /// <param name="title">The page's title and heading, such as the test's name; escaped, so any text will do.</param>
    /// <returns>The whole HTML document, starting with <c>&lt;!DOCTYPE html&gt;</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="title"/> is null.</exception>
    public static string Create(GradientCheckReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(title);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer, title);
        return writer.ToString();
    }

    /// <summary>Writes the page of a report to a writer, such as a <see cref="StreamWriter"/> on an <c>.html</c> file.</summary>
    /// <param name="report">The report to draw.</param>
    /// <param name="writer">
    /// Where to write. The page declares UTF-8, and being ASCII it reads the same in UTF-8 and any
    /// encoding that extends ASCII. Lines end in <c>\n</c> whatever the writer's <see cref="TextWriter.NewLine"/>.
    /// The writer is neither flushed nor closed.
    /// </param>
    /// <param name="title">The page's title and heading, such as the test's name; escaped, so any text will do.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(GradientCheckReport report, TextWriter writer, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(title);
        string heading = string.IsNullOrWhiteSpace(title) ? report.Subject.Name + " check" : title;
        writer.Write("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        writer.Write($"<title>{HtmlText.Escape(heading)}</title>\n<style>\n{Stylesheet.Css}\n</style>\n</head>\n<body>\n");
        WriteHeader(writer, report, heading);

        // Failing tensors first, in the report's order; the passing ones below, folded away unless
        // nothing failed, in which case they are all there is to see.
        int[] failed = [.. Enumerable.Range(0, report.Tensors.Count).Where(i => !report.Tensors[i].Passed)];
        int[] passed = [.. Enumerable.Range(0, report.Tensors.Count).Where(i => report.Tensors[i].Passed)];
        foreach (int position in failed)
        {
            TensorSection.Write(writer, report.Tensors[position], position);
        }

        if (passed.Length > 0)
        {
            string open = failed.Length == 0 ? " open=\"open\"" : string.Empty;
            string names = string.Join(", ", passed.Select(i => report.Tensors[i].Name + " " + Shapes.Format([.. report.Tensors[i].Shape])));
            writer.Write($"<details class=\"passing\"{open}>\n<summary>{HtmlText.Escape($"{HtmlText.Count(passed.Length, "tensor", "tensors")} within tolerance: {names}")}</summary>\n");
            foreach (int position in passed)
            {
                TensorSection.Write(writer, report.Tensors[position], position);
            }

            writer.Write("</details>\n");
        }

        writer.Write($"<section class=\"text-report\">\n<h2>Text report</h2>\n<pre>{HtmlText.Escape(report.ToString().ReplaceLineEndings("\n"))}</pre>\n</section>\n</body>\n</html>\n");
    }

    private static void WriteHeader(TextWriter writer, GradientCheckReport report, string heading)
    {
        string state = report.Passed ? "passed" : "failed";
        writer.Write($"<header>\n<h1>{HtmlText.Escape(heading)}</h1>\n<p class=\"verdict {state}\">{HtmlText.Escape($"{report.Subject.Name} check {state}")}</p>\n");
        if (report.Obstacles.Count == 0)
        {
            // With obstacles, the summary is their messages, listed below.
            writer.Write($"<p class=\"summary\">{HtmlText.Escape(report.Summary)}</p>\n");
        }

        if (report.Subject.Heading is { } subjectHeading)
        {
            writer.Write($"<p class=\"heading\">{HtmlText.Escape(subjectHeading)}</p>\n");
        }

        if (report.Obstacles.Count > 0)
        {
            writer.Write("<ul class=\"obstacles\">\n");
            foreach (CheckObstacle obstacle in report.Obstacles)
            {
                writer.Write($"<li>{HtmlText.Escape(obstacle.Message)}</li>\n");
            }

            writer.Write("</ul>\n");
            if (report.Tensors.Count == 0)
            {
                writer.Write($"<p class=\"note\">No {HtmlText.Escape(report.Subject.Noun)} entries were compared.</p>\n");
            }
        }

        if (report.FailedTensors.Any())
        {
            writer.Write("<ul class=\"diagnoses\">\n");
            for (int position = 0; position < report.Tensors.Count; position++)
            {
                TensorReport tensor = report.Tensors[position];
                if (!tensor.Passed)
                {
                    string diagnosis = tensor.Diagnosis?.Description ?? "no diagnosis";
                    writer.Write($"<li><a href=\"#{TensorSection.Anchor(position)}\">{HtmlText.Escape(tensor.Name)}</a>: {HtmlText.Escape(diagnosis)}</li>\n");
                }
            }

            writer.Write("</ul>\n");
        }

        writer.Write($"<p class=\"rule\">{HtmlText.Escape($"Rule: {report.Tolerance}; NaN or infinity fails. a = analytic (backprop), n = numerical.")}</p>\n</header>\n");
    }
}
