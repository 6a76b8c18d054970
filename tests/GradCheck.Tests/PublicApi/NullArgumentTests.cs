using GradCheck.Testing;

namespace GradCheck.Tests.PublicApi;

/// <summary>
/// Every public constructor, method and init setter of GradCheck refuses null in a parameter declared
/// non-nullable with an <see cref="ArgumentNullException"/> naming that parameter, found by reflection
/// (<see cref="NullArgumentSweep"/>) so that new API is swept as soon as it is written.
/// </summary>
public class NullArgumentTests
{
    /// <summary>Members left out of the sweep, each with the reason; none so far.</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        ["AdjointChecker.Check(Func<double[], double[]> map, Func<double[], double[]> adjoint, int inputLength, int seed)"] =
            "the sweep's input length of 0 has nothing to check and is refused; the overload passes its arguments to the swept overload of arrays, which refuses null",
    };

    private static readonly NullArgumentSweep Sweep = NullArgumentSweep.Of(typeof(GradientChecker).Assembly);

    [TestCaseSource(nameof(NullArguments))]
    public void Refuses_null_naming_the_parameter(NullArgument argument)
    {
        Assert.That(
            () => argument.Invoke(SampleArguments.ForEngine()),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo(argument.ParameterName));
    }

    [TestCaseSource(nameof(Members))]
    public void Accepts_the_sample_arguments(PublicMember member)
    {
        // Proves the samples valid, so that each null case above fails for its null alone.
        Assert.That(() => member.Invoke(SampleArguments.ForEngine()), Throws.Nothing);
    }

    [Test]
    public void Every_public_member_is_swept_or_excluded_with_a_reason()
    {
        IReadOnlyList<string> unfed = Sweep.Unfed(SampleArguments.ForEngine(), Excluded);
        Assert.That(unfed, Is.Empty, "Add a sample of each type to SampleArguments, or exclude the member with a reason:" + Environment.NewLine + string.Join(Environment.NewLine, unfed));
    }

    [Test]
    public void Exclusions_name_swept_members()
    {
        Assert.That(Sweep.UnknownExclusions(Excluded), Is.Empty);
    }

    [Test]
    public void Sweeps_the_entry_points()
    {
        Assert.That(
            Sweep.Members.Select(member => member.Name),
            Has.Some.StartsWith("GradientChecker.Check(").And.Some.StartsWith("GradientCheckOptions.Tolerance.set(").And.Some.StartsWith("new CostEvaluationException("));
    }

    private static IEnumerable<TestCaseData> NullArguments() => Sweep.NullArgumentCases(SampleArguments.ForEngine(), Excluded);

    private static IEnumerable<TestCaseData> Members() => Sweep.MemberCases(SampleArguments.ForEngine(), Excluded);
}
