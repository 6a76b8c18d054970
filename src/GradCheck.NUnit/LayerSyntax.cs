using NUnit.Framework;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// The entry points of the layer constraint: <c>Has.CorrectBackward</c> and, after an operator,
/// <c>Has.No.CorrectBackward</c>:
/// <code>
/// Assert.That(Layer.Of(x, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () =&gt; norm.Gradients), Has.CorrectBackward);
/// </code>
/// </summary>
public static class LayerSyntax
{
    extension(Has)
    {
        /// <summary>A layer whose backward pass is the gradient of its forward pass.</summary>
        public static LayerConstraint CorrectBackward => new();
    }

    extension(ConstraintExpression expression)
    {
        /// <summary>As <c>Has.CorrectBackward</c>, after an operator such as <c>Has.No</c>.</summary>
        public LayerConstraint CorrectBackward
        {
            get
            {
                ArgumentNullException.ThrowIfNull(expression);
                return ConstraintRun.After(expression, new LayerConstraint());
            }
        }
    }
}
