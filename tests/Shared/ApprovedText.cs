using System.Runtime.CompilerServices;

namespace GradCheck.Testing;

/// <summary>
/// Snapshot testing of failure messages: a message is compared with its approved text,
/// <c>Approved/{scenario}.approved.txt</c> next to the calling test's file. When they differ, or there is none yet,
/// the message is written as <c>{scenario}.received.txt</c> beside it and the test fails naming the
/// first differing line; a reviewer reads the received text and, if it is right, renames it to
/// <c>.approved.txt</c>. Line endings are normalised to \n so the files read the same everywhere.
/// </summary>
internal static class ApprovedText
{
    public static void Verify(string received, string scenario, [CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Approved");
        string approvedPath = Path.Combine(folder, scenario + ".approved.txt");
        string receivedPath = Path.Combine(folder, scenario + ".received.txt");
        string text = Normalise(received);
        string? approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;
        if (approved == text)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, text);
        Assert.Fail(approved is null
            ? $"There is no approved message for '{scenario}'. The message was written to {receivedPath}: read it, and if it is right, rename it to {Path.GetFileName(approvedPath)}."
            : $"The message of '{scenario}' differs from {approvedPath} {FirstDifference(approved, text)}. The whole message was written to {receivedPath}.");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string FirstDifference(string approved, string received)
    {
        string[] expected = approved.Split('\n');
        string[] actual = received.Split('\n');
        for (int line = 0; line < Math.Max(expected.Length, actual.Length); line++)
        {
            string? want = line < expected.Length ? expected[line] : null;
            string? got = line < actual.Length ? actual[line] : null;
            if (want != got)
            {
                return $"at line {line + 1}:{Environment.NewLine}  approved: {want ?? "(end of text)"}{Environment.NewLine}  received: {got ?? "(end of text)"}{Environment.NewLine}";
            }
        }

        return "only in its line endings";
    }
}
