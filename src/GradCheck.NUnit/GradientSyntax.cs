using System.Diagnostics;
using System.Numerics;
using NUnit.Framework;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// The entry points of the gradient constraints: <c>Is.GradientOf(cost)</c> and, after an operator,
/// <c>Is.Not.GradientOf(cost)</c>. They extend NUnit's own <see cref="Is"/> and
/// <see cref="ConstraintExpression"/>, so <c>using GradCheck.NUnit;</c> is all a test file needs.
/// </summary>
[StackTraceHidden]
public static class GradientSyntax
{
    extension(Is)
    {
        /// <summary>
        /// The gradient of a pure cost of a flat vector; say where with
        /// <see cref="FlatGradientConstraintBuilder{T}.At(T[])"/>.
        /// </summary>
        /// <param name="cost">The cost, such as <c>(double[] t) =&gt; Cost(t)</c>.</param>
        public static FlatGradientConstraintBuilder<T> GradientOf<T>(Func<T[], T> cost)
            where T : IFloatingPointIeee754<T> =>
            new(cost, expression: null);

        /// <summary>
        /// The gradient of a cost that reads named tensors in place; name them with
        /// <see cref="NamedGradientConstraintBuilder{T}.WithRespectTo{TContainer}"/>.
        /// </summary>
        /// <param name="cost">The cost, such as <c>() =&gt; net.Cost(X, Y)</c>.</param>
        public static NamedGradientConstraintBuilder<T> GradientOf<T>(Func<T> cost)
            where T : IFloatingPointIeee754<T> =>
            new(cost, expression: null);

        // The generic forms cannot infer T from a method group (Is.GradientOf(Cost) is CS0411 in C#):
        // these overloads for the two element types make the common forms compile as written.

        /// <summary>As <see cref="GradientOf{T}(Func{T[], T})"/>, for a <c>double</c> cost such as a method group <c>Cost</c>.</summary>
        /// <param name="cost">The cost of a flat vector.</param>
        public static FlatGradientConstraintBuilder<double> GradientOf(Func<double[], double> cost) => new(cost, expression: null);

        /// <summary>As <see cref="GradientOf{T}(Func{T[], T})"/>, for a <c>float</c> cost such as a method group <c>Cost</c>.</summary>
        /// <param name="cost">The cost of a flat vector.</param>
        public static FlatGradientConstraintBuilder<float> GradientOf(Func<float[], float> cost) => new(cost, expression: null);

        /// <summary>As <see cref="GradientOf{T}(Func{T})"/>, for a <c>double</c> cost such as a method group <c>net.Cost</c>.</summary>
        /// <param name="cost">The cost that reads named tensors.</param>
        public static NamedGradientConstraintBuilder<double> GradientOf(Func<double> cost) => new(cost, expression: null);

        /// <summary>As <see cref="GradientOf{T}(Func{T})"/>, for a <c>float</c> cost such as a method group <c>net.Cost</c>.</summary>
        /// <param name="cost">The cost that reads named tensors.</param>
        public static NamedGradientConstraintBuilder<float> GradientOf(Func<float> cost) => new(cost, expression: null);
    }

    extension(ConstraintExpression expression)
    {
        /// <summary>As <c>Is.GradientOf(cost)</c>, after an operator such as <c>Is.Not</c>.</summary>
        /// <param name="cost">The cost of a flat vector.</param>
        public FlatGradientConstraintBuilder<T> GradientOf<T>(Func<T[], T> cost)
            where T : IFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(expression);
            return new(cost, expression);
        }

        /// <summary>As <c>Is.GradientOf(cost)</c>, after an operator such as <c>Is.Not</c>.</summary>
        /// <param name="cost">The cost that reads named tensors.</param>
        public NamedGradientConstraintBuilder<T> GradientOf<T>(Func<T> cost)
            where T : IFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(expression);
            return new(cost, expression);
        }

        /// <summary>As <c>Is.GradientOf(cost)</c>, after an operator such as <c>Is.Not</c>, for a <c>double</c> cost.</summary>
        /// <param name="cost">The cost of a flat vector.</param>
        public FlatGradientConstraintBuilder<double> GradientOf(Func<double[], double> cost) => expression.GradientOf<double>(cost);

        /// <summary>As <c>Is.GradientOf(cost)</c>, after an operator such as <c>Is.Not</c>, for a <c>float</c> cost.</summary>
        /// <param name="cost">The cost of a flat vector.</param>
        public FlatGradientConstraintBuilder<float> GradientOf(Func<float[], float> cost) => expression.GradientOf<float>(cost);

        /// <summary>As <c>Is.GradientOf(cost)</c>, after an operator such as <c>Is.Not</c>, for a <c>double</c> cost.</summary>
        /// <param name="cost">The cost that reads named tensors.</param>
        public NamedGradientConstraintBuilder<double> GradientOf(Func<double> cost) => expression.GradientOf<double>(cost);

        /// <summary>As <c>Is.GradientOf(cost)</c>, after an operator such as <c>Is.Not</c>, for a <c>float</c> cost.</summary>
        /// <param name="cost">The cost that reads named tensors.</param>
        public NamedGradientConstraintBuilder<float> GradientOf(Func<float> cost) => expression.GradientOf<float>(cost);
    }
}
