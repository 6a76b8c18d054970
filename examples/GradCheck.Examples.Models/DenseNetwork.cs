using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace GradCheck.Examples.Models;

/// <summary>
/// A fully connected binary classifier: hidden layers with one activation function, a sigmoid output
/// and the cross-entropy cost, with backpropagation written out by hand.
/// </summary>
/// <remarks>
/// <para>
/// Layer <c>l</c> (1 ≤ l ≤ L) computes <c>Z_l = W_l A_{l-1} + b_l</c> and <c>A_l = g(Z_l)</c>, where
/// <c>A_0 = X</c> holds one example per column, <c>g</c> is the hidden activation for l &lt; L and the
/// sigmoid for l = L. The cost is <c>J = -(1/m) Σ [y log a + (1 - y) log(1 - a)]</c> over the m examples.
/// </para>
/// <para>
/// The parameters live only in <see cref="Parameters"/>, and <see cref="Cost"/> and
/// <see cref="Backward"/> read them afresh on every call: a gradient checker changes their entries in
/// place between calls, so nothing derived from them may be kept.
/// </para>
/// <para>
/// Inside a call, pre-activations and activations are stored transposed, one example per row
/// (m × n_l), so that each entry of <c>Z_l</c> is the dot product of two contiguous rows: a row of
/// <c>W_l</c> and a row of <c>A_{l-1}ᵀ</c>.
/// </para>
/// </remarks>
/// <typeparam name="T">The floating-point type of the parameters, data and cost.</typeparam>
public sealed class DenseNetwork<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly int[] sizes;

    // Dictionary keys by layer number l (slot 0 unused), built once so calls do not format strings.
    private readonly string[] weightKeys;
    private readonly string[] biasKeys;

    /// <summary>Creates a network with seeded random parameters.</summary>
    /// <param name="layerSizes">
    /// The number of units per layer, starting with the input size: <c>[n_0, n_1, ..., n_L]</c>.
    /// The output layer n_L is usually 1 unit.
    /// </param>
    /// <param name="hiddenActivation">The activation of layers 1 to L - 1; layer L is always a sigmoid.</param>
    /// <param name="seed">The seed of the standard normals the parameters are drawn from.</param>
    /// <param name="weightScale">
    /// The standard deviation of the weights is <c>weightScale / sqrt(n_{l-1})</c> and that of the biases
    /// <c>0.1 · weightScale</c>. Dividing by the fan-in keeps the pre-activations of order
    /// <c>weightScale</c> even for 12288 inputs, where unscaled weights would saturate tanh and sigmoid
    /// and leave a gradient check with nothing but zeros to compare.
    /// </param>
    /// <exception cref="ArgumentException">Fewer than two layer sizes, or a size that is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="weightScale"/> is not positive and finite, or <paramref name="hiddenActivation"/> is not defined.
    /// </exception>
    public DenseNetwork(IReadOnlyList<int> layerSizes, Activation hiddenActivation, int seed, double weightScale = 0.5)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        if (layerSizes.Count < 2)
        {
            throw new ArgumentException("A network needs an input size and at least one layer.", nameof(layerSizes));
        }

        if (!Enum.IsDefined(hiddenActivation))
        {
            throw new ArgumentOutOfRangeException(nameof(hiddenActivation), hiddenActivation, "Unknown activation.");
        }

        if (!double.IsFinite(weightScale) || weightScale <= 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(weightScale), weightScale, "The weight scale must be positive and finite.");
        }

        // Copied, so that later changes to the caller's list cannot change the network's shape.
        sizes = new int[layerSizes.Count];
        for (int l = 0; l < sizes.Length; l++)
        {
            if (layerSizes[l] <= 0)
            {
                throw new ArgumentException($"Layer {l} has {layerSizes[l]} units; every layer needs at least one.", nameof(layerSizes));
            }

            sizes[l] = layerSizes[l];
        }

        LayerSizes = new ReadOnlyCollection<int>(sizes);
        HiddenActivation = hiddenActivation;

        int layers = LayerCount;
        weightKeys = new string[layers + 1];
        biasKeys = new string[layers + 1];
        Parameters = new Dictionary<string, T[,]>(2 * layers);
        var normal = new SeededNormal(seed);
        for (int l = 1; l <= layers; l++)
        {
            string number = l.ToString(CultureInfo.InvariantCulture);
            weightKeys[l] = "W" + number;
            biasKeys[l] = "b" + number;

            // Drawn in this order (W1, b1, W2, b2, ...), so a seed always gives the same network.
            Parameters.Add(weightKeys[l], normal.NextMatrix<T>(sizes[l], sizes[l - 1], weightScale / Math.Sqrt(sizes[l - 1])));
            Parameters.Add(biasKeys[l], normal.NextMatrix<T>(sizes[l], 1, 0.1 * weightScale));
        }
    }

    /// <summary>The number of units per layer, starting with the input size.</summary>
    public IReadOnlyList<int> LayerSizes { get; }

    /// <summary>The number of layers with parameters, L (the input layer is not counted).</summary>
    public int LayerCount => sizes.Length - 1;

    /// <summary>The activation of the hidden layers.</summary>
    public Activation HiddenActivation { get; }

    /// <summary>
    /// The parameters by name, in the order <c>W1, b1, W2, b2, ...</c>: <c>W{l}</c> has shape
    /// (n_l, n_{l-1}) and <c>b{l}</c> has shape (n_l, 1). The arrays may be changed in place; every
    /// call of <see cref="Cost"/> and <see cref="Backward"/> reads them again.
    /// </summary>
    public Dictionary<string, T[,]> Parameters { get; }

    /// <summary>The mean cross-entropy of the network's predictions.</summary>
    /// <remarks>
    /// The logarithms are taken of the output's pre-activation z, never of the probability a:
    /// <c>-log a = softplus(-z)</c> and <c>-log(1 - a) = softplus(z)</c>. In float, a rounds to exactly
    /// 1 once z exceeds about 17, and <c>log(1 - a)</c> would be -∞.
    /// </remarks>
    /// <param name="x">The inputs, one example per column: shape (n_0, m).</param>
    /// <param name="y">The labels, 0 or 1: shape (n_L, m).</param>
    /// <returns><c>J = -(1/m) Σ [y log a + (1 - y) log(1 - a)]</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> has the wrong shape.</exception>
    public T Cost(T[,] x, T[,] y)
    {
        int m = ExampleCount(x, y);
        using var examples = new ExampleRows<T>(x);
        (T[][,] z, _) = Forward(examples.Span, m);

        T[,] output = z[LayerCount];
        T sum = T.Zero;
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < output.GetLength(1); i++)
            {
                T zi = output[j, i];
                T yi = y[i, j];
                sum += (yi * Activations.Softplus(-zi)) + ((T.One - yi) * Activations.Softplus(zi));
            }
        }

        return sum / T.CreateChecked(m);
    }

    /// <summary>The gradient of <see cref="Cost"/> with respect to every parameter, by backpropagation.</summary>
    /// <param name="x">The inputs, one example per column: shape (n_0, m).</param>
    /// <param name="y">The labels, 0 or 1: shape (n_L, m).</param>
    /// <returns>
    /// The gradients by name, in the order <c>dW1, db1, dW2, db2, ...</c>, each with the shape of its
    /// parameter.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> has the wrong shape.</exception>
    public Dictionary<string, T[,]> Backward(T[,] x, T[,] y)
    {
        int m = ExampleCount(x, y);
        int layers = LayerCount;

        var dW = new T[layers + 1][,];
        var db = new T[layers + 1][,];
        var gradients = new Dictionary<string, T[,]>(2 * layers);
        for (int l = 1; l <= layers; l++)
        {
            dW[l] = new T[sizes[l], sizes[l - 1]];
            db[l] = new T[sizes[l], 1];
            gradients.Add("d" + weightKeys[l], dW[l]);
            gradients.Add("d" + biasKeys[l], db[l]);
        }

        using var examples = new ExampleRows<T>(x);
        (T[][,] z, T[][,] a) = Forward(examples.Span, m);

        // Sigmoid output with cross-entropy: dJ/dz = (a - y) / m, the sigmoid's derivative cancels.
        T count = T.CreateChecked(m);
        var dz = new T[m, sizes[layers]];
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < sizes[layers]; i++)
            {
                dz[j, i] = (a[layers][j, i] - y[i, j]) / count;
            }
        }

        for (int l = layers; l >= 1; l--)
        {
            int inputSize = sizes[l - 1];
            ReadOnlySpan<T> inputs = l == 1 ? examples.Span : Matrix.Flat(a[l - 1]);

            // dW_l = dZ_l A_{l-1}ᵀ and db_l = dZ_l summed over examples: each example adds its
            // input row, scaled by its dz, to every row of dW_l.
            for (int j = 0; j < m; j++)
            {
                ReadOnlySpan<T> input = inputs.Slice(j * inputSize, inputSize);
                for (int i = 0; i < sizes[l]; i++)
                {
                    Span<T> gradientRow = Matrix.Row(dW[l], i);
                    TensorPrimitives.MultiplyAdd(input, dz[j, i], gradientRow, gradientRow);
                    db[l][i, 0] += dz[j, i];
                }
            }

            if (l > 1)
            {
                dz = BackThroughLayer(l, dz, z[l - 1], m);
            }
        }

        return gradients;
    }

    /// <summary>
    /// Runs the forward pass over the examples stored one per row (m × n_0). Returns <c>Z_l</c> and
    /// <c>A_l</c> for l = 1..L, each transposed (m × n_l); slot 0 is empty, the input being
    /// <paramref name="examples"/> itself.
    /// </summary>
    private (T[][,] Z, T[][,] A) Forward(ReadOnlySpan<T> examples, int m)
    {
        int layers = LayerCount;
        var z = new T[layers + 1][,];
        var a = new T[layers + 1][,];
        z[0] = a[0] = new T[0, 0];

        ReadOnlySpan<T> inputs = examples;
        for (int l = 1; l <= layers; l++)
        {
            T[,] w = Parameters[weightKeys[l]];
            T[,] b = Parameters[biasKeys[l]];
            int inputSize = sizes[l - 1];
            var zl = new T[m, sizes[l]];
            var al = new T[m, sizes[l]];
            Activation activation = l == layers ? Activation.Sigmoid : HiddenActivation;

            // Unit outer, example inner: one row of W_l (up to 12288 entries) stays in cache across examples.
            for (int i = 0; i < sizes[l]; i++)
            {
                ReadOnlySpan<T> weights = Matrix.Row(w, i);
                T bias = b[i, 0];
                for (int j = 0; j < m; j++)
                {
                    T zij = TensorPrimitives.Dot(weights, inputs.Slice(j * inputSize, inputSize)) + bias;
                    zl[j, i] = zij;
                    al[j, i] = Activations.Apply(activation, zij);
                }
            }

            z[l] = zl;
            a[l] = al;
            inputs = Matrix.Flat(al);
        }

        return (z, a);
    }

    /// <summary>
    /// Takes <c>dZ_l</c> (m × n_l) to <c>dZ_{l-1} = (W_lᵀ dZ_l) ⊙ g'(Z_{l-1})</c> (m × n_{l-1}), for a
    /// hidden layer l - 1.
    /// </summary>
    private T[,] BackThroughLayer(int l, T[,] dz, T[,] previousZ, int m)
    {
        T[,] w = Parameters[weightKeys[l]];
        var previousDz = new T[m, sizes[l - 1]];
        for (int j = 0; j < m; j++)
        {
            // Row j of dA_{l-1}ᵀ is Σ_i dz[j, i] · (row i of W_l).
            Span<T> row = Matrix.Row(previousDz, j);
            for (int i = 0; i < sizes[l]; i++)
            {
                TensorPrimitives.MultiplyAdd(Matrix.Row(w, i), dz[j, i], row, row);
            }

            for (int k = 0; k < row.Length; k++)
            {
                row[k] *= Activations.Derivative(HiddenActivation, previousZ[j, k]);
            }
        }

        return previousDz;
    }

    /// <summary>Checks the shapes of the data and returns the number of examples m.</summary>
    private int ExampleCount(T[,] x, T[,] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int m = x.GetLength(1);
        if (m == 0)
        {
            throw new ArgumentException("There must be at least one example (column).", nameof(x));
        }

        Matrix.RequireShape(x, sizes[0], m, nameof(x));
        Matrix.RequireShape(y, sizes[^1], m, nameof(y));
        return m;
    }
}
