using System.Numerics;

namespace GradCheck.Examples.Models;

/// <summary>Which backward pass a <see cref="LayerNormalization{T}"/> runs.</summary>
public enum LayerNormalizationBackward
{
    /// <summary>The derivation in full: the mean and the variance depend on every input of their row.</summary>
    Correct,

    /// <summary>
    /// The first draft everyone writes: dx = dy γ / σ, as if the row's mean and variance were constants.
    /// Right for γ and β, wrong for x.
    /// </summary>
    StatisticsAsConstants,
}

/// <summary>
/// Layer normalisation over the features of each row: <c>y = γ ∘ (x - μ) / σ + β</c> with the row's
/// mean μ and <c>σ = sqrt(var + ε)</c>. The layer the README writes test-first: its tests check the
/// backward pass with the layer check before it is trusted in a network.
/// </summary>
/// <remarks>
/// Like a hand-written layer of a from-scratch network, <see cref="Forward"/> keeps what the backward
/// pass needs (x̂ and 1/σ per row), <see cref="Backward"/> returns dx and leaves dγ and dβ in
/// <see cref="Gradients"/>. The parameters live in <see cref="Parameters"/> and are read on every call.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class LayerNormalization<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T epsilon;
    private readonly LayerNormalizationBackward backwardKind;
    private T[,] normalized = new T[0, 0];
    private T[] inverseDeviation = [];

    /// <summary>A layer over <paramref name="features"/> features, γ = 1 + N(0, 0.1²) and β = N(0, 0.1²) from <paramref name="seed"/>.</summary>
    /// <param name="features">The number of features per row.</param>
    /// <param name="seed">The seed of the initial γ and β (not all 1 and 0, so that a gradient that ignores them shows).</param>
    /// <param name="backward">Which backward pass to run.</param>
    /// <param name="epsilon">Added to the variance before the square root.</param>
    public LayerNormalization(int features, int seed, LayerNormalizationBackward backward = LayerNormalizationBackward.Correct, double epsilon = 1e-5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 2);
        var normal = new SeededNormal(seed);
        var gamma = new T[features];
        var beta = new T[features];
        for (int j = 0; j < features; j++)
        {
            gamma[j] = T.CreateTruncating(1 + (0.1 * normal.NextDouble()));
            beta[j] = T.CreateTruncating(0.1 * normal.NextDouble());
        }

        Parameters = new Dictionary<string, T[]> { ["gamma"] = gamma, ["beta"] = beta };
        Gradients = new Dictionary<string, T[]> { ["dgamma"] = new T[features], ["dbeta"] = new T[features] };
        backwardKind = backward;
        this.epsilon = T.CreateTruncating(epsilon);
    }

    /// <summary>γ and β, read by <see cref="Forward"/> on every call.</summary>
    public Dictionary<string, T[]> Parameters { get; }

    /// <summary>dγ and dβ, written by <see cref="Backward"/>.</summary>
    public Dictionary<string, T[]> Gradients { get; }

    /// <summary>y for x of shape (rows, features); keeps x̂ and 1/σ for the backward pass.</summary>
    /// <param name="x">The input.</param>
    public T[,] Forward(T[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int rows = x.GetLength(0);
        int features = x.GetLength(1);
        T[] gamma = Parameters["gamma"];
        T[] beta = Parameters["beta"];
        T count = T.CreateTruncating(features);
        normalized = new T[rows, features];
        inverseDeviation = new T[rows];
        var y = new T[rows, features];
        for (int i = 0; i < rows; i++)
        {
            T mean = T.Zero;
            for (int j = 0; j < features; j++)
            {
                mean += x[i, j];
            }

            mean /= count;
            T variance = T.Zero;
            for (int j = 0; j < features; j++)
            {
                variance += (x[i, j] - mean) * (x[i, j] - mean);
            }

            inverseDeviation[i] = T.One / T.Sqrt((variance / count) + epsilon);
            for (int j = 0; j < features; j++)
            {
                normalized[i, j] = (x[i, j] - mean) * inverseDeviation[i];
                y[i, j] = (gamma[j] * normalized[i, j]) + beta[j];
            }
        }

        return y;
    }

    /// <summary>dx for the upstream gradient dy of the last <see cref="Forward"/>; leaves dγ and dβ in <see cref="Gradients"/>.</summary>
    /// <param name="dy">∂J/∂y, the shape of y.</param>
    public T[,] Backward(T[,] dy)
    {
        ArgumentNullException.ThrowIfNull(dy);
        int rows = normalized.GetLength(0);
        int features = normalized.GetLength(1);
        T[] gamma = Parameters["gamma"];
        T[] dgamma = Gradients["dgamma"];
        T[] dbeta = Gradients["dbeta"];
        Array.Clear(dgamma);
        Array.Clear(dbeta);
        T count = T.CreateTruncating(features);
        var dx = new T[rows, features];
        for (int i = 0; i < rows; i++)
        {
            // With g = dy ∘ γ: dx = (g - mean(g) - x̂ ∘ mean(g ∘ x̂)) / σ; the two means are what the
            // dependence of μ and σ on every x of the row contributes.
            T meanG = T.Zero;
            T meanGx = T.Zero;
            for (int j = 0; j < features; j++)
            {
                T g = dy[i, j] * gamma[j];
                meanG += g;
                meanGx += g * normalized[i, j];
                dgamma[j] += dy[i, j] * normalized[i, j];
                dbeta[j] += dy[i, j];
            }

            meanG /= count;
            meanGx /= count;
            for (int j = 0; j < features; j++)
            {
                T g = dy[i, j] * gamma[j];
                dx[i, j] = backwardKind == LayerNormalizationBackward.StatisticsAsConstants
                    ? g * inverseDeviation[i]
                    : (g - meanG - (normalized[i, j] * meanGx)) * inverseDeviation[i];
            }
        }

        return dx;
    }
}
