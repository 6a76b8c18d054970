using System.Runtime.CompilerServices;

namespace GradCheck.NUnit.Tests.Messages;

/// <summary>
/// The README's sample failure is the approved message of the seeds' network with its planted bugs,
/// word for word, with the run's folder written as a user's: a change of the message shows in the
/// README too.
/// </summary>
public class ReadmeSampleTests
{
    /// <summary>Where the README's sample puts the test run's files, for {WorkDirectory} in the snapshot.</summary>
    private const string ReadmeWorkDirectory = "/home/me/MyNet.Tests/bin/Debug/net10.0";

    /// <summary>The sentence the sample's code block follows.</summary>
    private const string Introduction = "A failure reads like this";

    [Test]
    public void The_README_sample_failure_is_the_approved_seeds_message()
    {
        string messages = Folder();
        string approved = File.ReadAllText(Path.Combine(messages, "Approved", "Seeds_network_with_planted_bugs.approved.txt")).ReplaceLineEndings("\n");
        string readme = File.ReadAllText(Path.Combine(messages, "..", "..", "..", "README.md")).ReplaceLineEndings("\n");

        int introduction = readme.IndexOf(Introduction, StringComparison.Ordinal);
        Assert.That(introduction, Is.GreaterThanOrEqualTo(0), $"the README introduces its sample failure with \"{Introduction}\"");
        int start = readme.IndexOf("```\n", introduction, StringComparison.Ordinal) + "```\n".Length;
        int end = readme.IndexOf("\n```\n", start, StringComparison.Ordinal) + 1;

        Assert.That(readme[start..end], Is.EqualTo(approved.Replace("{WorkDirectory}", ReadmeWorkDirectory, StringComparison.Ordinal).TrimEnd('\n') + "\n"));
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
