using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>The activation of one dense layer.</summary>
internal enum Activation
{
    /// <summary>No activation: a linear output.</summary>
    Identity,

    /// <summary>The logistic function <c>1 / (1 + exp(-z))</c>.</summary>
    Sigmoid,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,

    /// <summary>The rectified linear unit <c>max(z, 0)</c>.</summary>
    Relu,
}

/// <summary>Values and derivatives of the <see cref="Activation"/>s, and the stable pieces of the losses.</summary>
internal static class Activations
{
    /// <summary><c>g(z)</c>.</summary>
    public static T Apply<T>(Activation activation, T z)
        where T : IFloatingPointIeee754<T> =>
        activation switch
        {
            Activation.Identity => z,
            Activation.Sigmoid => Sigmoid(z),
            Activation.Tanh => T.Tanh(z),
            Activation.Relu => T.Max(z, T.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
        };

    /// <summary>
    /// <c>g'(z)</c> at the pre-activation z. ReLU'(0) is taken to be 0, the usual convention (and what
    /// <c>z &gt; 0</c> gives); at exactly 0 it is one of the two one-sided derivatives.
    /// </summary>
    public static T Derivative<T>(Activation activation, T z)
        where T : IFloatingPointIeee754<T>
    {
        switch (activation)
        {
            case Activation.Identity:
                return T.One;
            case Activation.Sigmoid:
                return SigmoidDerivative(z);
            case Activation.Tanh:
                T t = T.Tanh(z);
                return T.One - (t * t);
            case Activation.Relu:
                return z > T.Zero ? T.One : T.Zero;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>The logistic function; for very negative z, exp(-z) overflows and the result is exactly 0, as it should.</summary>
    public static T Sigmoid<T>(T z)
        where T : IFloatingPointIeee754<T> =>
        T.One / (T.One + T.Exp(-z));

    /// <summary><c>σ'(z) = σ(z) (1 - σ(z))</c>.</summary>
    public static T SigmoidDerivative<T>(T z)
        where T : IFloatingPointIeee754<T>
    {
        T s = Sigmoid(z);
        return s * (T.One - s);
    }

    /// <summary>
    /// <c>softplus(z) = log(1 + exp(z))</c> as <c>max(z, 0) + log(1 + exp(-|z|))</c>, which never overflows.
    /// The cross-entropy of a sigmoid output is <c>y softplus(-z) + (1 - y) softplus(z)</c>, with no
    /// log of a probability that may round to 0.
    /// </summary>
    public static T Softplus<T>(T z)
        where T : IFloatingPointIeee754<T> =>
        T.Max(z, T.Zero) + T.LogP1(T.Exp(-T.Abs(z)));

    /// <summary>The mean cross-entropy of sigmoid outputs with logits <paramref name="z"/> against 0/1 labels <paramref name="y"/>.</summary>
    public static T CrossEntropyOfLogits<T>(T[,] z, T[,] y)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < z.GetLength(0); i++)
        {
            for (int k = 0; k < z.GetLength(1); k++)
            {
                sum += (y[i, k] * Softplus(-z[i, k])) + ((T.One - y[i, k]) * Softplus(z[i, k]));
            }
        }

        return sum / T.CreateTruncating(z.GetLength(1));
    }

    /// <summary><c>1/(2m) Σ (a - y)²</c> over m examples (columns).</summary>
    public static T HalfMeanSquaredError<T>(T[,] a, T[,] y)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int k = 0; k < a.GetLength(1); k++)
            {
                T residual = a[i, k] - y[i, k];
                sum += residual * residual;
            }
        }

        return sum / T.CreateTruncating(2 * a.GetLength(1));
    }
}
