using GradCheck.Testing;
using NUnit.Framework.Constraints;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace GradCheck.NUnit.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of GradCheck.NUnit, its C# 14 extension members included (as the
/// static methods the compiler emits, receiver first), refuses null in a parameter declared non-nullable
/// with an <see cref="ArgumentNullException"/> naming that parameter; and every constraint refuses a null
/// actual value as NUnit's own constraints that need a value of one type do.
/// </summary>
public class NullArgumentTests
{
    /// <summary>Members left out of the sweep, each with the reason; none so far.</summary>
    private static readonly Dictionary<string, string> Excluded = [];

    private static readonly NullArgumentSweep Sweep = NullArgumentSweep.Of(typeof(GradientSyntax).Assembly);

    [TestCaseSource(nameof(NullArguments))]
    public void Refuses_null_naming_the_parameter(NullArgument argument)
    {
        Assert.That(
            () => argument.Invoke(Samples()),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo(argument.ParameterName));
    }

    [TestCaseSource(nameof(Members))]
    public void Accepts_the_sample_arguments(PublicMember member)
    {
        // Proves the samples valid, so that each null case above fails for its null alone.
        Assert.That(() => member.Invoke(Samples()), Throws.Nothing);
    }

    [Test]
    public void Every_public_member_is_swept_or_excluded_with_a_reason()
    {
        IReadOnlyList<string> unfed = Sweep.Unfed(Samples(), Excluded);
        Assert.That(unfed, Is.Empty, "Add a sample of each type to Samples(), or exclude the member with a reason:" + Environment.NewLine + string.Join(Environment.NewLine, unfed));
    }

    [Test]
    public void Exclusions_name_swept_members()
    {
        Assert.That(Sweep.UnknownExclusions(Excluded), Is.Empty);
    }

    [Test]
    public void Sweeps_the_extension_members_as_static_methods_with_the_receiver_first()
    {
        Assert.That(
            Sweep.Members.Select(member => member.Name),
            Has.Some.StartsWith("GradientSyntax.GradientOf(ConstraintExpression expression, ").And.Some.EqualTo("LayerSyntax.CorrectBackward.get(ConstraintExpression expression)"));
    }

    /// <remarks>
    /// NUnit's constraints that need an actual value of one type (a collection, a delegate, a string to
    /// match) refuse null with an <see cref="ArgumentException"/> naming <c>actual</c>
    /// (<c>ConstraintUtils.RequireActual</c>), and those that reflect on it (<c>Has.Property</c>) with an
    /// <see cref="ArgumentNullException"/>; only constraints about any value (<c>Is.EqualTo</c>, <c>Is.Null</c>)
    /// fail on null. A gradient, a Jacobian or a layer is a value of one type, and null is a mistake in the
    /// test, not a wrong gradient: a failing result would let <c>Is.Not.GradientOf(...)</c> pass on null.
    /// </remarks>
    [TestCaseSource(nameof(Constraints))]
    public void A_constraint_refuses_a_null_actual_value_naming_it(Type constraint)
    {
        SampleArguments samples = Samples();
        Assert.That(samples.Has(constraint), Is.True, $"Add a sample of {NullArgumentSweep.TypeName(constraint)} to Samples().");
        var sample = (Constraint)samples.Create(constraint);

        Assert.That(() => sample.ApplyTo((object?)null), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("actual"));
    }

    [Test]
    public void A_negated_constraint_refuses_a_null_actual_value_rather_than_pass()
    {
        double[]? nothing = null;

        Assert.That(
            () => Assert.That(nothing, Is.Not.GradientOf<double>(SampleArguments.HalfSquaredNorm).At(SampleArguments.Point())),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("actual"));
    }

    private static IEnumerable<TestCaseData> NullArguments() => Sweep.NullArgumentCases(Samples(), Excluded);

    private static IEnumerable<TestCaseData> Members() => Sweep.MemberCases(Samples(), Excluded);

    /// <summary>Every public constraint class, closed as the sweep closes generic types.</summary>
    private static IEnumerable<TestCaseData> Constraints() =>
        from type in typeof(GradientSyntax).Assembly.GetExportedTypes()
        where type.IsSubclassOf(typeof(Constraint)) && !type.IsAbstract
        let closed = type.IsGenericTypeDefinition ? type.MakeGenericType([.. type.GetGenericArguments().Select(NullArgumentSweep.ClosedOver)]) : type
        select new TestCaseData(closed).SetArgDisplayNames(NullArgumentSweep.TypeName(closed));

    /// <summary>The engine's samples, and those of this package's types and of NUnit's that its members take.</summary>
    private static SampleArguments Samples()
    {
        SampleArguments samples = SampleArguments.ForEngine();
        double[] point = SampleArguments.Point();
        var method = new MethodWrapper(typeof(NullArgumentTests), nameof(Refuses_null_naming_the_parameter));
        return samples
            .Add<ConstraintExpression>(() => Is.Not)
            .Add<IMethodInfo>(() => method)
            .Add<TestCommand>(() => new TestMethodCommand(new TestMethod(method)))
            .Add<MessageWriter>(() => new TextMessageWriter())
            .Add(() => Is.GradientOf<double>(SampleArguments.HalfSquaredNorm))
            .Add(() => Is.GradientOf<double>(SampleArguments.HalfSquaredNorm).At(point))
            .Add(() => Is.GradientOf<double>(samples.Cost))
            .Add(() => Is.GradientOf<double>(samples.Cost).WithRespectTo(samples.Parameters))
            .Add(() => Is.JacobianOf<double>(SampleArguments.Identity))
            .Add(() => Is.JacobianOf<double>(SampleArguments.Identity).At(point))
            .Add(() => Is.HessianVectorProductOf<double>(SampleArguments.Identity))
            .Add(() => Is.HessianVectorProductOf<double>(SampleArguments.Identity).At(point))
            .Add(() => Is.HessianVectorProductOf<double>(SampleArguments.Identity).At(point).Along(point))
            .Add(() => Has.CorrectBackward)
            .Add(() => Is.AdjointOf<double[], double[]>(SampleArguments.Identity))
            .Add(() => Is.AdjointOf<double>(SampleArguments.Identity, inputLength: 2))
            .Add(() => new GradientCheckAttribute(nameof(Refuses_null_naming_the_parameter)));
    }
}
