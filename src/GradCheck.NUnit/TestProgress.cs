using NUnit.Framework;

namespace GradCheck.NUnit;

/// <summary>
/// Writes a long check's progress to NUnit's <see cref="TestContext.Progress"/>, which the runner shows
/// while the test runs (the console runner and <c>dotnet test</c> print it at once, not at the end):
/// one line a second, such as <c>MyTests.Backprop_is_right: gradient check 12,288 of 61,481 entries (20%), 2.4 s, about 9.6 s left</c>.
/// </summary>
internal sealed class TestProgress : IProgress<GradientCheckProgress>
{
    private readonly TextWriter writer;
    private readonly string test;

    /// <param name="writer">Where the lines go.</param>
    /// <param name="test">The test's name, taken on the test's own thread: reports come from worker threads.</param>
    public TestProgress(TextWriter writer, string test)
    {
        this.writer = writer;
        this.test = test;
    }

    /// <summary>Progress for the test running on this thread.</summary>
    public static TestProgress ForCurrentTest() => new(TestContext.Progress, TestContext.CurrentContext.Test.FullName);

    /// <inheritdoc />
    public void Report(GradientCheckProgress value) => writer.WriteLine($"{test}: gradient check {value}");
}
