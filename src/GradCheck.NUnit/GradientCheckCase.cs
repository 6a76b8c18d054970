using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// One test case of <see cref="GradientCheckAttribute"/>: a problem and one of its parameter tensors.
/// The attribute checks it after the test body has run, so the body may be empty.
/// </summary>
public abstract class GradientCheckCase
{
    private protected GradientCheckCase(string problem, string tensor)
    {
        Problem = problem;
        Tensor = tensor;
    }

    /// <summary>The problem's name, such as <c>Dense(seed: 1)</c>.</summary>
    public string Problem { get; }

    /// <summary>The parameter tensor this case checks, such as <c>W1</c>.</summary>
    public string Tensor { get; }

    /// <summary>The case's name in the test explorer: <c>Dense(seed: 1) &gt; W1</c>.</summary>
    public string Name => $"{Problem} > {Tensor}";

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Applies the gradient constraint to this tensor: the check runs the problem's backward pass itself (again at a nudged point, if some entries need it).</summary>
    internal abstract ConstraintResult ApplyGradientConstraint();
}
