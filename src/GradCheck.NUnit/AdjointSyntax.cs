using System.Numerics;
using NUnit.Framework;

namespace GradCheck.NUnit;

/// <summary>
/// The entry points of the dot-product (adjoint) test: the actual value is the function meant to be
/// the adjoint Jᵀ of a linear map J, such as a layer's backward pass against its forward-mode derivative:
/// <code>
/// Assert.That(dy =&gt; layer.Backward(dy), Is.AdjointOf((double[,] dx) =&gt; layer.ForwardDerivative(dx)).ForInputsLike(x));
/// Assert.That(Transpose, Is.AdjointOf&lt;double&gt;(Convolve, inputLength: 32));
/// </code>
/// </summary>
public static class AdjointSyntax
{
    extension(Is)
    {
        /// <summary>The adjoint of a linear map of arrays; give an input of its shape with <see cref="AdjointConstraintBuilder{TInput, TOutput}.ForInputsLike"/>.</summary>
        /// <param name="map">J: v to J v.</param>
        public static AdjointConstraintBuilder<TInput, TOutput> AdjointOf<TInput, TOutput>(Func<TInput, TOutput> map)
            where TInput : class
            where TOutput : class =>
            new(map);

        /// <summary>The adjoint of a linear map of vectors of <paramref name="inputLength"/> entries.</summary>
        /// <param name="map">J: v to J v.</param>
        /// <param name="inputLength">n, the length of v.</param>
        public static AdjointConstraint<T[], T[]> AdjointOf<T>(Func<T[], T[]> map, int inputLength)
            where T : IFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(map);
            ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
            return new AdjointConstraintBuilder<T[], T[]>(map).ForInputsLike(new T[inputLength]);
        }
    }
}
