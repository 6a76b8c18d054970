using System.Numerics;

namespace GradCheck.Tests.Adjoint;

/// <summary>
/// Hand-written linear maps with their adjoints, and the adjoints' usual mistakes: a 1-D "valid"
/// convolution (its adjoint is the "full" correlation with the kernel), and a dense tanh layer's
/// forward-mode derivative with its backward pass.
/// </summary>
internal static class LinearMaps
{
    /// <summary>y_i = Σ_j k_j x_(i+j), i = 0..n-k: the valid convolution (correlation) of x with k.</summary>
    public static T[] Convolve<T>(T[] x, T[] kernel)
        where T : IFloatingPointIeee754<T>
    {
        var y = new T[x.Length - kernel.Length + 1];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < kernel.Length; j++)
            {
                y[i] += kernel[j] * x[i + j];
            }
        }

        return y;
    }

    /// <summary>The adjoint: x_(i+j) += k_j y_i. <paramref name="bug"/> plants one of the usual mistakes.</summary>
    public static T[] ConvolveAdjoint<T>(T[] y, T[] kernel, int inputLength, AdjointBug bug = AdjointBug.None)
        where T : IFloatingPointIeee754<T>
    {
        var x = new T[inputLength];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < kernel.Length; j++)
            {
                // The transposed mistake flips the kernel, as if the adjoint of a correlation were a correlation.
                T k = bug == AdjointBug.Transposed ? kernel[kernel.Length - 1 - j] : kernel[j];
                if (bug == AdjointBug.MissingTerm && i == y.Length - 1 && j == kernel.Length - 1)
                {
                    continue;
                }

                x[i + j] += k * y[i];
            }
        }

        return bug == AdjointBug.Factor ? [.. x.Select(value => T.CreateTruncating(2) * value)] : x;
    }

    /// <summary>A dense tanh layer y = tanh(W x + b) at a fixed input, with J v and Jᵀ w of its input.</summary>
    public sealed class TanhLayer<T>
        where T : IFloatingPointIeee754<T>
    {
        private readonly T[,] weights;
        private readonly T[] slope;

        public TanhLayer(int inputs, int outputs, int seed)
        {
            var random = new Random(seed);
            weights = new T[outputs, inputs];
            Input = new T[inputs];
            for (int i = 0; i < inputs; i++)
            {
                Input[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
            }

            slope = new T[outputs];
            for (int o = 0; o < outputs; o++)
            {
                T z = T.CreateTruncating(random.NextDouble() - 0.5);
                for (int i = 0; i < inputs; i++)
                {
                    weights[o, i] = T.CreateTruncating((random.NextDouble() - 0.5) / Math.Sqrt(inputs) * 2);
                    z += weights[o, i] * Input[i];
                }

                T y = T.Tanh(z);
                slope[o] = T.One - (y * y);
            }
        }

        public T[] Input { get; }

        /// <summary>J v = (1 - y²) ∘ (W v).</summary>
        public T[] ForwardDerivative(T[] v)
        {
            var result = new T[slope.Length];
            for (int o = 0; o < slope.Length; o++)
            {
                for (int i = 0; i < v.Length; i++)
                {
                    result[o] += weights[o, i] * v[i];
                }

                result[o] *= slope[o];
            }

            return result;
        }

        /// <summary>Jᵀ w = Wᵀ ((1 - y²) ∘ w); <paramref name="bug"/> plants a mistake.</summary>
        public T[] Backward(T[] w, AdjointBug bug = AdjointBug.None)
        {
            var result = new T[Input.Length];
            for (int o = 0; o < slope.Length; o++)
            {
                // The missing term: the derivative of tanh left out of the backward pass.
                T upstream = bug == AdjointBug.MissingTerm ? w[o] : w[o] * slope[o];
                for (int i = 0; i < Input.Length; i++)
                {
                    // The transposed mistake reads W[i, o] of a square W as if it were W[o, i].
                    T weight = bug == AdjointBug.Transposed ? weights[i, o] : weights[o, i];
                    result[i] += weight * upstream;
                }
            }

            return bug == AdjointBug.Factor ? [.. result.Select(value => T.CreateTruncating(1.01) * value)] : result;
        }
    }
}

public enum AdjointBug
{
    None,
    Factor,
    Transposed,
    MissingTerm,
}
