using System.Numerics;

namespace GradCheck.Examples.Models;

/// <summary>The activation function of the hidden layers of a <see cref="DenseNetwork{T}"/>.</summary>
public enum Activation
{
    /// <summary>The rectified linear unit, <c>max(z, 0)</c>.</summary>
    Relu,

    /// <summary>The logistic function, <c>1 / (1 + exp(-z))</c>.</summary>
    Sigmoid,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,
}

/// <summary>Values and derivatives of the <see cref="Activation"/> functions.</summary>
public static class Activations
{
    /// <summary>Applies <paramref name="activation"/> to the pre-activation <paramref name="z"/>.</summary>
    /// <typeparam name="T">The floating-point type.</typeparam>
    /// <param name="activation">The function to apply.</param>
    /// <param name="z">The pre-activation.</param>
    /// <returns>The activation <c>g(z)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not a defined value.</exception>
    public static T Apply<T>(Activation activation, T z)
        where T : IFloatingPointIeee754<T> =>
        activation switch
        {
            Activation.Relu => T.Max(z, T.Zero),
            Activation.Sigmoid => Sigmoid(z),
            Activation.Tanh => T.Tanh(z),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
        };

    /// <summary>
    /// The derivative <c>g'(z)</c> of <paramref name="activation"/> at the pre-activation
    /// <paramref name="preActivation"/>.
    /// </summary>
    /// <remarks>
    /// The ReLU is not differentiable at 0; this takes the derivative there to be 0 (the usual
    /// convention, the same as <c>z &gt; 0</c> in the tutorial code). A finite difference straddling
    /// the kink disagrees with any choice, so gradient checks should keep pre-activations away from 0.
    /// </remarks>
    /// <typeparam name="T">The floating-point type.</typeparam>
    /// <param name="activation">The function to differentiate.</param>
    /// <param name="preActivation">The pre-activation <c>z</c>, not the activation <c>g(z)</c>.</param>
    /// <returns>The derivative <c>g'(z)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not a defined value.</exception>
    public static T Derivative<T>(Activation activation, T preActivation)
        where T : IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Relu:
                return preActivation > T.Zero ? T.One : T.Zero;
            case Activation.Sigmoid:
                T s = Sigmoid(preActivation);
                return s * (T.One - s);
            case Activation.Tanh:
                T t = T.Tanh(preActivation);
                return T.One - (t * t);
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>
    /// The logistic function. For very negative <paramref name="z"/>, <c>exp(-z)</c> overflows to
    /// infinity and the result is exactly 0, which is the correctly rounded answer, so no branch is needed.
    /// </summary>
    internal static T Sigmoid<T>(T z)
        where T : IFloatingPointIeee754<T> =>
        T.One / (T.One + T.Exp(-z));

    /// <summary>
    /// <c>softplus(z) = log(1 + exp(z))</c>, written as <c>max(z, 0) + log(1 + exp(-|z|))</c> so that
    /// <c>exp</c> never overflows. It gives the cross-entropy of a sigmoid output without forming the
    /// probability: <c>-log(sigmoid(z)) = softplus(-z)</c> and <c>-log(1 - sigmoid(z)) = softplus(z)</c>.
    /// </summary>
    internal static T Softplus<T>(T z)
        where T : IFloatingPointIeee754<T> =>
        T.Max(z, T.Zero) + T.LogP1(T.Exp(-T.Abs(z)));
}
