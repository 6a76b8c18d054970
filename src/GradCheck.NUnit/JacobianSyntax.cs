using System.Numerics;
using NUnit.Framework;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// The entry points of the Jacobian constraint: <c>Is.JacobianOf(f).At(x)</c> and, after an operator,
/// <c>Is.Not.JacobianOf(f).At(x)</c>:
/// <code>
/// Assert.That(jacobian, Is.JacobianOf((double[] x) =&gt; Softmax(x)).At(z));
/// Assert.That(hessian, Is.JacobianOf((double[] x) =&gt; Gradient(x)).At(x0));   // a Hessian is the Jacobian of the gradient
/// </code>
/// </summary>
public static class JacobianSyntax
{
    extension(Is)
    {
        /// <summary>
        /// The Jacobian of a vector-valued function, an (m, n) matrix with <c>J[i, j] = ∂f[i]/∂x[j]</c>;
        /// say where with <see cref="JacobianConstraintBuilder{T}.At(T[])"/>.
        /// </summary>
        /// <param name="f">The function, such as <c>(double[] x) =&gt; Softmax(x)</c>; give your gradient function to check a Hessian.</param>
        public static JacobianConstraintBuilder<T> JacobianOf<T>(Func<T[], T[]> f)
            where T : IFloatingPointIeee754<T> =>
            new(f, expression: null);

        /// <summary>As <see cref="JacobianOf{T}(Func{T[], T[]})"/>, for a <c>double</c> function such as a method group (the generic form cannot infer T from one).</summary>
        /// <param name="f">The function.</param>
        public static JacobianConstraintBuilder<double> JacobianOf(Func<double[], double[]> f) => new(f, expression: null);

        /// <summary>As <see cref="JacobianOf{T}(Func{T[], T[]})"/>, for a <c>float</c> function such as a method group (the generic form cannot infer T from one).</summary>
        /// <param name="f">The function.</param>
        public static JacobianConstraintBuilder<float> JacobianOf(Func<float[], float[]> f) => new(f, expression: null);
    }

    extension(ConstraintExpression expression)
    {
        /// <summary>As <c>Is.JacobianOf(f)</c>, after an operator such as <c>Is.Not</c>.</summary>
        /// <param name="f">The function.</param>
        public JacobianConstraintBuilder<T> JacobianOf<T>(Func<T[], T[]> f)
            where T : IFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(expression);
            return new(f, expression);
        }

        /// <summary>As <c>Is.JacobianOf(f)</c>, after an operator such as <c>Is.Not</c>, for a <c>double</c> function.</summary>
        /// <param name="f">The function.</param>
        public JacobianConstraintBuilder<double> JacobianOf(Func<double[], double[]> f) => expression.JacobianOf<double>(f);

        /// <summary>As <c>Is.JacobianOf(f)</c>, after an operator such as <c>Is.Not</c>, for a <c>float</c> function.</summary>
        /// <param name="f">The function.</param>
        public JacobianConstraintBuilder<float> JacobianOf(Func<float[], float[]> f) => expression.JacobianOf<float>(f);
    }
}
