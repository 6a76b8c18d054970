using GradCheck.Reporting;

/// <summary>
/// Runs the walkthrough's steps, prints each verdict (and the whole report of every failing check, as
/// a test would show it), and counts the verdicts that were not the expected ones.
/// </summary>
internal sealed class Walkthrough
{
    private int stepNumber;
    private int unexpected;

    /// <summary>Runs one step: its checks, each with the verdict it should reach.</summary>
    public void Step(string title, Func<(GradientCheckReport Report, bool ShouldPass, string What)[]> checks)
    {
        Console.WriteLine($"{++stepNumber}. {title}");
        foreach ((GradientCheckReport report, bool shouldPass, string what) in checks())
        {
            bool asExpected = report.Passed == shouldPass;
            unexpected += asExpected ? 0 : 1;
            string verdict = report.Passed ? "passes" : "fails";
            Console.WriteLine($"   {(asExpected ? "ok " : "UNEXPECTED")} {what} {verdict} (relative difference {report.RelativeDifference:0.###e+00})");
            if (!report.Passed || !asExpected)
            {
                Console.WriteLine(Indent(report.ToString(), "      | "));
            }
        }

        Console.WriteLine();
    }

    /// <summary>Prints the tally and returns the exit code: 0 when every verdict was the expected one.</summary>
    public int Finish()
    {
        Console.WriteLine(unexpected == 0
            ? $"All {stepNumber} steps reached the expected verdicts."
            : $"{unexpected} check(s) did not reach the expected verdict.");
        return unexpected == 0 ? 0 : 1;
    }

    private static string Indent(string text, string prefix) =>
        string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(line => prefix + line.TrimEnd('\r')));
}
