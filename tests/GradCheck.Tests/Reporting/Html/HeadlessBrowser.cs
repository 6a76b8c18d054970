using System.Diagnostics;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>
/// Chromium (or Chrome) in headless mode, to render a page to a PNG as a reader's browser would.
/// Found on PATH; CI machines may have none, and the tests that need one are then ignored with a reason.
/// </summary>
internal static class HeadlessBrowser
{
    public static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The first of <see cref="Names"/> found on PATH, or null.</summary>
    public static string? Find()
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in Names)
        {
            foreach (string directory in directories)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Renders <paramref name="htmlFile"/> in a window of the given size to <paramref name="pngFile"/>.
    /// A browser that has not finished after <see cref="Timeout"/> is killed with its children, and
    /// the test fails with what it printed.
    /// </summary>
    public static void Screenshot(string browser, string htmlFile, string pngFile, int width, int height, string profileDirectory)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No sandbox: test runners often run as root or in containers, where Chromium's sandbox cannot
        // start. A profile of its own, so that parallel runs and a user's browser do not share one.
        foreach (string argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--force-device-scale-factor=1", $"--user-data-dir={profileDirectory}", $"--screenshot={pngFile}",
            $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {browser}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{browser} did not finish rendering {htmlFile} within {Timeout.TotalSeconds} s and was killed.\n{Text(errors)}");
        }

        TestContext.Out.WriteLine($"{browser} exited with {process.ExitCode}: {Text(output)}\n{Text(errors)}");
    }

    /// <summary>What the browser printed; a helper process it left behind may hold the pipe open, so do not wait long.</summary>
    private static string Text(Task<string> output) =>
        output.Wait(TimeSpan.FromSeconds(5)) ? output.Result : "(output not closed)";
}
