using System.Globalization;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>
/// The page as a reader sees it: rendered by headless Chromium to a PNG (attached to the test result),
/// then decoded and looked at. Ignored, with what to install, where no browser is found.
/// </summary>
[NonParallelizable]
public class BrowserRenderingTests
{
    private const int Width = 1200;
    private const int Height = 2000;

    private string browser = string.Empty;

    [SetUp]
    public void FindBrowser()
    {
        // Before any report is made: the 61k-entry one takes seconds, for nothing if there is no browser.
        string? found = HeadlessBrowser.Find();
        if (found is null)
        {
            Assert.Ignore($"No headless browser found on PATH (looked for {string.Join(", ", HeadlessBrowser.Names)}); install one, e.g. `apt-get install chromium`, to render the HTML report.");
        }

        browser = found;
    }

    [Test]
    public void Renders_a_failing_report_with_red_marks_heat_colours_and_text()
    {
        Png png = Render(PlantedBugs.DoubledW2(), "doubled-W2");
        AssertLooksLikeAReport(png);
    }

    [Test]
    public void Renders_a_61k_entry_report_with_red_marks_heat_colours_and_text()
    {
        Png png = Render(LargeNetworkReport.Report, "large-network");
        AssertLooksLikeAReport(png);
    }

    [Test]
    public void Renders_a_rank_4_kernel_rotated_180_degrees_as_six_3x3_slices()
    {
        Png png = Render(PlantedBugs.KernelRotated(), "kernel-rotated");
        using (Assert.EnterMultipleScope())
        {
            AssertLooksLikeAReport(png);

            // Each of the 6 slices has its 8 off-centre entries wrong (the centre of a 3x3 kernel rotated
            // onto itself is right): 48 red outlines of at least 2 px x 4 sides x about 14 px.
            Assert.That(png.Pixels.Count(pixel => Near(pixel, ColorScale.Failing)), Is.GreaterThan(48 * 4 * 2 * 10), "the failing outlines of the 48 rotated entries");
        }
    }

    [Test]
    public void Renders_a_report_with_NaN_entries()
    {
        Png png = Render(PlantedBugs.NaNInGradient(), "nan-in-gradient");
        using (Assert.EnterMultipleScope())
        {
            AssertLooksLikeAReport(png);
            Assert.That(png.Pixels.Count(pixel => Near(pixel, ColorScale.NotFinite)), Is.GreaterThan(500), "the NaN cell's fill, not only the legend's swatch");
        }
    }

    [Test]
    public void Renders_a_passing_report_under_a_green_verdict_with_its_tensors_unfolded()
    {
        Png png = Render(PlantedBugs.Correct(), "correct");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(png.Pixels.Count(pixel => pixel == 0xe9f5ec), Is.GreaterThan(10_000), "the passed verdict's background");
            Assert.That(png.Pixels.Count(pixel => pixel == 0xfdecea), Is.Zero, "the failed verdict's background");

            // Low relative errors are light blue in the heatmaps, and passing points blue: the pictures are unfolded.
            Assert.That(png.Pixels.Count(pixel => (pixel & 0xff) - ((pixel >> 16) & 0xff) > 40), Is.GreaterThan(5000), "bluish pixels");
        }
    }

    private static void AssertLooksLikeAReport(Png png)
    {
        int[] distinct = [.. png.Pixels.Distinct()];
        int notWhite = png.Pixels.Count(pixel => pixel != 0xffffff);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((png.Width, png.Height), Is.EqualTo((Width, Height)));

            // Anti-aliased text alone gives dozens of greys; the heat scale, the legend and the plots hundreds of colours.
            Assert.That(distinct, Has.Length.GreaterThan(200), "distinct colours");
            Assert.That(notWhite, Is.GreaterThan(png.Pixels.Length / 50), "pixels that are not background");
            Assert.That(png.Pixels.Count(pixel => Near(pixel, ColorScale.Failing)), Is.GreaterThan(100), "pixels of the failing red");
            Assert.That(png.Pixels.Count(pixel => Near(pixel, 0x8c96c6)), Is.GreaterThan(20), "pixels of the middle of the heat scale (the legend at least)");
        }
    }

    /// <summary>The browser's profile; a helper process still closing may hold a file in it a moment longer, which is no failure.</summary>
    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TestContext.Out.WriteLine($"Could not delete {directory}: {exception.Message}");
        }
    }

    private static bool Near(int pixel, string color) => Near(pixel, int.Parse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static bool Near(int pixel, int color) =>
        Math.Abs(((pixel >> 16) & 0xff) - ((color >> 16) & 0xff)) <= 6
        && Math.Abs(((pixel >> 8) & 0xff) - ((color >> 8) & 0xff)) <= 6
        && Math.Abs((pixel & 0xff) - (color & 0xff)) <= 6;

    private Png Render(GradientCheckReport report, string name)
    {
        string directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "html-report-screenshots");
        Directory.CreateDirectory(directory);
        string html = Path.Combine(directory, name + ".html");
        string png = Path.Combine(directory, name + ".png");
        File.WriteAllText(html, HtmlReport.Create(report, TestContext.CurrentContext.Test.Name));
        File.Delete(png);

        string profile = Path.Combine(directory, "profile-" + name);
        try
        {
            HeadlessBrowser.Screenshot(browser, html, png, Width, Height, profile);
        }
        finally
        {
            DeleteQuietly(profile);
        }

        Assert.That(png, Does.Exist, "the screenshot");
        TestContext.AddTestAttachment(png, "The HTML report as headless Chromium renders it");
        TestContext.AddTestAttachment(html, "The HTML report");
        byte[] bytes = File.ReadAllBytes(png);
        Assert.That(bytes.AsSpan(0, Png.Signature.Length).ToArray(), Is.EqualTo(Png.Signature), "PNG signature");
        return Png.Decode(bytes);
    }
}
