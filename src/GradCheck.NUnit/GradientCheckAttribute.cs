using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace GradCheck.NUnit;

/// <summary>
/// A test case source of gradient checks: one test case per problem and parameter tensor of a source
/// of <see cref="GradCheck.GradientProblem{T}"/>s, each checked after the test body runs (the
/// body may be empty). The cases are named <c>Method(Dense(seed: 1) &gt; W1)</c>, so the test explorer
/// shows exactly which tensor's backward pass is broken.
/// </summary>
/// <example>
/// <code>
/// static IEnumerable&lt;GradientProblem&lt;double&gt;&gt; Networks() =&gt; [ ... ];
///
/// [GradientCheck(nameof(Networks))]
/// public void Backprop(GradientCheckCase&lt;double&gt; check) { }
/// </code>
/// </example>
/// <remarks>
/// A source that cannot be read (no such member, a wrong type, a problem whose construction throws)
/// gives a NotRunnable test carrying the reason, as NUnit's own <see cref="TestCaseSourceAttribute"/> does,
/// never an exception during discovery.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GradientCheckAttribute : NUnitAttribute, ITestBuilder, IImplyFixture, IWrapTestMethod
{
    private readonly NUnitTestCaseBuilder builder = new();

    /// <summary>The problems come from a static member of the test's own class.</summary>
    /// <param name="sourceName">The member's name: a field, property or method (use <c>nameof</c>).</param>
    public GradientCheckAttribute(string sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        SourceName = sourceName;
    }

    /// <summary>The problems come from a static member of <paramref name="sourceType"/>.</summary>
    /// <param name="sourceType">The class that holds the member.</param>
    /// <param name="sourceName">The member's name: a field, property or method (use <c>nameof</c>).</param>
    public GradientCheckAttribute(Type sourceType, string sourceName)
        : this(sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceType);
        SourceType = sourceType;
    }

    /// <summary>The member that supplies the problems.</summary>
    public string SourceName { get; }

    /// <summary>The class that holds it; null for the test's own class.</summary>
    public Type? SourceType { get; }

    /// <summary>
    /// The seeds to build each problem with. When given, the source must be a static method taking the
    /// seed (an <c>int</c>), and each case's problem is named <c>Name(seed: 1)</c>.
    /// </summary>
    public int[]? Seeds { get; set; }

    /// <inheritdoc />
    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        // Checked here, not in the iterator, which would run only when the cases are enumerated.
        ArgumentNullException.ThrowIfNull(method);
        return Build(method, suite);
    }

    /// <summary>One case per problem and tensor of the source, or a NotRunnable case with the reason.</summary>
    private IEnumerable<TestMethod> Build(IMethodInfo method, Test? suite)
    {
        Type? elementType = CaseElementType(method);
        if (elementType is null)
        {
            yield return NotRunnable(method, suite, method.Name,
                $"A [GradientCheck] test takes one parameter, a GradientCheckCase<double> or GradientCheckCase<float>; {method.Name} takes ({string.Join(", ", method.GetParameters().Select(parameter => GradCheck.Parameters.TypeNames.Friendly(parameter.ParameterType)))}).");
            yield break;
        }

        Type sourceType = SourceType ?? method.TypeInfo.Type;
        foreach (GradientCheckSource.Entry entry in GradientCheckSource.Read(sourceType, SourceName, Seeds, elementType))
        {
            yield return entry.Case is null
                ? NotRunnable(method, suite, entry.DisplayName, entry.NotRunnableReason!)
                : builder.BuildTestMethod(method, suite, new TestCaseData(entry.Case).SetArgDisplayNames(entry.DisplayName));
        }
    }

    /// <inheritdoc />
    public TestCommand Wrap(TestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new GradientCheckCommand(command);
    }

    /// <summary>T when the method's only parameter is a <see cref="GradientCheckCase{T}"/> of float or double, else null.</summary>
    private static Type? CaseElementType(IMethodInfo method) =>
        method.GetParameters() is [{ ParameterType: { IsGenericType: true } type }] &&
        type.GetGenericTypeDefinition() == typeof(GradientCheckCase<>) &&
        type.GetGenericArguments()[0] is var element && (element == typeof(double) || element == typeof(float))
            ? element
            : null;

    private TestMethod NotRunnable(IMethodInfo method, Test? suite, string displayName, string reason)
    {
        var parameters = new TestCaseParameters { RunState = RunState.NotRunnable };
        parameters.Properties.Set(PropertyNames.SkipReason, reason);
        TestMethod test = builder.BuildTestMethod(method, suite, parameters);
        test.Name = $"{method.Name}({displayName})";
        test.FullName = $"{method.TypeInfo.FullName}.{test.Name}";
        return test;
    }
}
