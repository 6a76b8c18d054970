using System.Numerics;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// One test case of <see cref="GradientCheckAttribute"/> for element type <typeparamref name="T"/>:
/// take it as the test method's only parameter.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class GradientCheckCase<T> : GradientCheckCase
    where T : IFloatingPointIeee754<T>
{
    internal GradientCheckCase(GradientProblem<T> problem, string problemName, string tensor)
        : base(problemName, tensor) => GradientProblem = problem;

    /// <summary>The problem the case belongs to.</summary>
    public GradientProblem<T> GradientProblem { get; }

    /// <summary>Checks this case's tensor and returns the report, for a test body that wants to look further.</summary>
    /// <param name="options">How to check; null for the problem's own options, else the defaults.</param>
    public GradientCheckReport Check(GradientCheckOptions? options = null) => GradientProblem.Check(Tensor, options);

    /// <inheritdoc />
    internal override ConstraintResult ApplyGradientConstraint()
    {
        GradientCheckOptions options = GradientProblem.Options ?? GradientCheckOptions.Default;
        return GradientConstraint<T>.ForTensor(GradientProblem, options, Tensor).ApplyTo(this);
    }
}
