using GradCheck.Testing;
using Shouldly;

namespace GradCheck.Shouldly.Tests.PublicApi;

/// <summary>
/// Every public method of GradCheck.Shouldly (the extension methods, called as the static methods they
/// are, <c>actual</c> first) refuses null in a parameter declared non-nullable with an
/// <see cref="ArgumentNullException"/> naming that parameter.
/// </summary>
public class NullArgumentTests
{
    /// <summary>Members left out of the sweep, each with the reason; none so far.</summary>
    private static readonly Dictionary<string, string> Excluded = new()
    {
        ["ShouldBeAdjointTestExtensions.ShouldBeAdjointOf(Func<double[], double[]> actual, Func<double[], double[]> map, int inputLength, int seed, string customMessage, string actualExpression)"] =
            "the sweep's input length of 0 has nothing to check and is refused; the overload of arrays, which is swept, refuses null the same way",
    };

    private static readonly NullArgumentSweep Sweep = NullArgumentSweep.Of(typeof(ShouldBeGradientTestExtensions).Assembly);

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
        // The samples are a right gradient: ShouldBeGradientOf passes and ShouldNotBeGradientOf gives its
        // verdict, a ShouldAssertException; neither may refuse an argument.
        Exception? thrown = NullArgumentSweep.ExceptionOf(() => member.Invoke(SampleArguments.ForEngine()));
        Assert.That(thrown, Is.Null.Or.TypeOf<ShouldAssertException>());
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
    public void Sweeps_both_assertions()
    {
        Assert.That(
            Sweep.Members.Select(member => member.Name),
            Has.Some.StartsWith("ShouldBeGradientTestExtensions.ShouldBeGradientOf(").And.Some.StartsWith("ShouldBeGradientTestExtensions.ShouldNotBeGradientOf("));
    }

    private static IEnumerable<TestCaseData> NullArguments() => Sweep.NullArgumentCases(SampleArguments.ForEngine(), Excluded);

    private static IEnumerable<TestCaseData> Members() => Sweep.MemberCases(SampleArguments.ForEngine(), Excluded);
}
