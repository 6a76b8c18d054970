using System.Globalization;
using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>A realistic mistake in the backward pass of a <see cref="DenseStack{T}"/>.</summary>
internal enum DenseMistake
{
    /// <summary>The correct backward pass.</summary>
    None,

    /// <summary>The hidden layers' derivative written as sigmoid' σ(z)(1 - σ(z)) whatever the activation (tanh' is 1 - tanh²(z)).</summary>
    HiddenDerivativeAsSigmoid,

    /// <summary>The bias gradient taken from the first example's column of dZ instead of the sum over examples.</summary>
    BiasFromFirstExample,

    /// <summary>The 1/m of the mean cost left out of the output error (applied by the problem, which owns the loss).</summary>
    MissingOneOverM,

    /// <summary>The hidden ReLU's mask left out: the error passes through units that were off.</summary>
    ReluMaskForgotten,

    /// <summary>The weight gradient formed with the previous layer's pre-activation Z instead of its activation A.</summary>
    WeightGradientFromPreActivation,

    /// <summary>The error sent back through a square W instead of Wᵀ (<c>W dZ</c>, which has the right shape only when W is square).</summary>
    ErrorThroughUntransposedWeights,

    /// <summary>The hidden layers' derivative evaluated at the activation A instead of the pre-activation Z (<c>σ'(a)</c> for <c>a (1 - a)</c>).</summary>
    DerivativeAtActivation,
}

/// <summary>
/// Fully connected layers read from a problem's parameters <c>W1, b1, W2, b2, ...</c>, examples in
/// columns: <c>Z_l = W_l A_{l-1} + b_l</c>, <c>A_l = g_l(Z_l)</c>, <c>A_0 = X</c>. The loss and its
/// output error <c>dZ_L</c> belong to the problem; this class does the layers in both directions.
/// </summary>
/// <remarks>
/// It keeps a reference to the parameter dictionary and the layer names only, never a value derived
/// from the parameters, because a checker changes them in place between calls.
/// </remarks>
internal sealed class DenseStack<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Dictionary<string, T[,]> parameters;
    private readonly Activation[] activations;
    private readonly string[] weightKeys;
    private readonly string[] biasKeys;

    /// <summary>Reads layers 1..L from <paramref name="parameters"/>; <paramref name="activations"/>[l - 1] is layer l's.</summary>
    public DenseStack(Dictionary<string, T[,]> parameters, params Activation[] activations)
    {
        this.parameters = parameters;
        this.activations = activations;
        weightKeys = new string[activations.Length + 1];
        biasKeys = new string[activations.Length + 1];
        for (int l = 1; l <= activations.Length; l++)
        {
            weightKeys[l] = "W" + l.ToString(CultureInfo.InvariantCulture);
            biasKeys[l] = "b" + l.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The number of layers with parameters, L.</summary>
    public int LayerCount => activations.Length;

    /// <summary>
    /// Draws <c>W_l ~ N(0, weightScale² / n_{l-1})</c> and <c>b_l ~ N(0, biasScale²)</c> for every layer
    /// and puts them into the parameters, replacing any earlier draw (a problem redraws until its
    /// pre-activations keep away from kinks). Dividing by the fan-in keeps the pre-activations of order
    /// <paramref name="weightScale"/>, so tanh and sigmoid are not saturated.
    /// </summary>
    public void Draw(Gaussian random, IReadOnlyList<int> sizes, double weightScale, double biasScale)
    {
        for (int l = 1; l <= LayerCount; l++)
        {
            parameters[weightKeys[l]] = random.Matrix<T>(sizes[l], sizes[l - 1], weightScale / Math.Sqrt(sizes[l - 1]));
            parameters[biasKeys[l]] = random.Matrix<T>(sizes[l], 1, biasScale);
        }
    }

    /// <summary>The forward pass: <c>Z[l]</c> and <c>A[l]</c> for l = 0..L, with <c>Z[0] = A[0] = x</c>.</summary>
    public (T[][,] Z, T[][,] A) Forward(T[,] x)
    {
        var z = new T[LayerCount + 1][,];
        var a = new T[LayerCount + 1][,];
        z[0] = x;
        a[0] = x;
        for (int l = 1; l <= LayerCount; l++)
        {
            z[l] = Matrix.Affine(parameters[weightKeys[l]], a[l - 1], parameters[biasKeys[l]]);
            Activation activation = activations[l - 1];
            a[l] = Matrix.Map(z[l], value => Activations.Apply(activation, value));
        }

        return (z, a);
    }

    /// <summary>
    /// The backward pass from the output error <c>dZ_L = ∂J/∂Z_L</c>: <c>dW_l = dZ_l A_{l-1}ᵀ</c>,
    /// <c>db_l = Σ_examples dZ_l</c>, <c>dZ_{l-1} = (W_lᵀ dZ_l) ∘ g'_{l-1}(Z_{l-1})</c>, with one
    /// <paramref name="mistake"/> (applied in every layer, as a shared helper would).
    /// </summary>
    /// <returns>The gradients keyed W1, b1, W2, ... in parameter order.</returns>
    public Dictionary<string, T[,]> Backward(T[][,] z, T[][,] a, T[,] outputError, DenseMistake mistake)
    {
        var weightGradients = new T[LayerCount + 1][,];
        var biasGradients = new T[LayerCount + 1][,];
        T[,] dz = outputError;
        for (int l = LayerCount; l >= 1; l--)
        {
            T[,] previous = mistake == DenseMistake.WeightGradientFromPreActivation ? z[l - 1] : a[l - 1];
            weightGradients[l] = Matrix.ProductTransposeB(dz, previous);
            biasGradients[l] = mistake == DenseMistake.BiasFromFirstExample ? Matrix.Column(dz, 0) : Matrix.RowSums(dz);
            if (l > 1)
            {
                T[,] w = parameters[weightKeys[l]];
                T[,] da = mistake == DenseMistake.ErrorThroughUntransposedWeights && w.GetLength(0) == w.GetLength(1)
                    ? Matrix.Product(w, dz)
                    : Matrix.ProductTransposeA(w, dz);
                Activation activation = activations[l - 2];
                T[,] at = mistake == DenseMistake.DerivativeAtActivation ? a[l - 1] : z[l - 1];
                dz = Matrix.Zip(da, at, (error, preActivation) => error * HiddenDerivative(activation, preActivation, mistake));
            }
        }

        var gradients = new Dictionary<string, T[,]>(StringComparer.Ordinal);
        for (int l = 1; l <= LayerCount; l++)
        {
            gradients.Add(weightKeys[l], weightGradients[l]);
            gradients.Add(biasKeys[l], biasGradients[l]);
        }

        return gradients;
    }

    /// <summary>The pre-activations of the ReLU layers at <paramref name="x"/>: where the cost's kinks are.</summary>
    public IEnumerable<T[,]> ReluInputs(T[,] x)
    {
        (T[][,] z, _) = Forward(x);
        return Enumerable.Range(1, LayerCount).Where(l => activations[l - 1] == Activation.Relu).Select(l => z[l]);
    }

    /// <summary>
    /// Whether every hidden unit has a positive pre-activation for some example (no dead unit, so the
    /// gradient reaches every layer) and every hidden layer a negative one somewhere (so the ReLU mask,
    /// or the difference between Z and A, matters).
    /// </summary>
    public bool EveryHiddenUnitIsOnAndEveryLayerOffSomewhere(T[,] x)
    {
        (T[][,] z, _) = Forward(x);
        for (int l = 1; l < LayerCount; l++)
        {
            bool anyOff = false;
            for (int i = 0; i < z[l].GetLength(0); i++)
            {
                bool on = false;
                for (int k = 0; k < z[l].GetLength(1); k++)
                {
                    on |= z[l][i, k] > T.Zero;
                    anyOff |= z[l][i, k] < T.Zero;
                }

                if (!on)
                {
                    return false;
                }
            }

            if (!anyOff)
            {
                return false;
            }
        }

        return true;
    }

    private static T HiddenDerivative(Activation activation, T preActivation, DenseMistake mistake) =>
        mistake switch
        {
            DenseMistake.HiddenDerivativeAsSigmoid => Activations.SigmoidDerivative(preActivation),
            DenseMistake.ReluMaskForgotten when activation == Activation.Relu => T.One,
            _ => Activations.Derivative(activation, preActivation),
        };
}
