using System.Numerics;
using NUnit.Framework;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// The entry points of the Hessian-vector product constraint: <c>Is.HessianVectorProductOf(g).At(x).Along(v)</c>
/// and, after an operator, <c>Is.Not.HessianVectorProductOf(g).At(x).Along(v)</c>:
/// <code>
/// Assert.That(hv, Is.HessianVectorProductOf((double[] t) =&gt; Gradient(t)).At(x).Along(v));
/// </code>
/// </summary>
public static class HessianVectorProductSyntax
{
    extension(Is)
    {
        /// <summary>
        /// The product H v of the Hessian of a cost with a direction v, given the cost's gradient function g
        /// (your backprop): H v = d/dt g(x + t v) at t = 0. Say where with
        /// <see cref="HessianVectorProductConstraintBuilder{T}.At(T[])"/>, then along what with
        /// <see cref="HessianVectorProductDirectionBuilder{T}.Along(T[])"/>.
        /// </summary>
        /// <param name="gradient">The gradient function, such as <c>(double[] t) =&gt; Gradient(t)</c>.</param>
        public static HessianVectorProductConstraintBuilder<T> HessianVectorProductOf<T>(Func<T[], T[]> gradient)
            where T : IFloatingPointIeee754<T> =>
            new(gradient, expression: null);

        /// <summary>As <see cref="HessianVectorProductOf{T}(Func{T[], T[]})"/>, for a <c>double</c> gradient function such as a method group (the generic form cannot infer T from one).</summary>
        /// <param name="gradient">The gradient function.</param>
        public static HessianVectorProductConstraintBuilder<double> HessianVectorProductOf(Func<double[], double[]> gradient) => new(gradient, expression: null);

        /// <summary>As <see cref="HessianVectorProductOf{T}(Func{T[], T[]})"/>, for a <c>float</c> gradient function such as a method group (the generic form cannot infer T from one).</summary>
        /// <param name="gradient">The gradient function.</param>
        public static HessianVectorProductConstraintBuilder<float> HessianVectorProductOf(Func<float[], float[]> gradient) => new(gradient, expression: null);
    }

    extension(ConstraintExpression expression)
    {
        /// <summary>As <c>Is.HessianVectorProductOf(gradient)</c>, after an operator such as <c>Is.Not</c>.</summary>
        /// <param name="gradient">The gradient function.</param>
        public HessianVectorProductConstraintBuilder<T> HessianVectorProductOf<T>(Func<T[], T[]> gradient)
            where T : IFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(expression);
            return new(gradient, expression);
        }

        /// <summary>As <c>Is.HessianVectorProductOf(gradient)</c>, after an operator such as <c>Is.Not</c>, for a <c>double</c> gradient function.</summary>
        /// <param name="gradient">The gradient function.</param>
        public HessianVectorProductConstraintBuilder<double> HessianVectorProductOf(Func<double[], double[]> gradient) => expression.HessianVectorProductOf<double>(gradient);

        /// <summary>As <c>Is.HessianVectorProductOf(gradient)</c>, after an operator such as <c>Is.Not</c>, for a <c>float</c> gradient function.</summary>
        /// <param name="gradient">The gradient function.</param>
        public HessianVectorProductConstraintBuilder<float> HessianVectorProductOf(Func<float[], float[]> gradient) => expression.HessianVectorProductOf<float>(gradient);
    }
}
