using NUnit.Framework;

namespace GradCheck.NUnit;

/// <summary>
/// Writes a long check's progress to NUnit's <see cref="TestContext.Error"/>, standard error, where
/// command-line tools write their progress: one line a second, such as
/// <c>MyTests.Backprop_is_right: gradient check 12,288 of 61,481 entries (20%), 2.4 s, about 9.6 s left</c>.
/// </summary>
/// <remarks>
/// Not <see cref="TestContext.Progress"/>: NUnit sends it at once, but <c>dotnet test</c> prints the
/// adapter's informational messages only at its detailed verbosity (<c>--logger "console;verbosity=detailed"</c>),
/// so at its normal verbosity a 30-minute check would be silent. Standard error is printed as it comes
/// at every verbosity, and stays with the test's output in an IDE or a TRX file.
/// </remarks>
internal sealed class TestProgress : IProgress<GradientCheckProgress>
{
    private readonly string test;

    /// <param name="writer">Where the lines go.</param>
    /// <param name="test">The test's name, taken on the test's own thread: reports come from worker threads.</param>
    public TestProgress(TextWriter writer, string test)
    {
        Writer = writer;
        this.test = test;
    }

    /// <summary>Where the lines go.</summary>
    public TextWriter Writer { get; }

    /// <summary>Progress for the test running on this thread.</summary>
    public static TestProgress ForCurrentTest() => new(TestContext.Error, TestContext.CurrentContext.Test.FullName);

    /// <inheritdoc />
    public void Report(GradientCheckProgress value) => Writer.WriteLine($"{test}: gradient check {value}");
}
