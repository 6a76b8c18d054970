using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 8: a dense [3, 4, 3, 1] regression network with two ReLU hidden layers on an integer grid:
/// inputs and hidden weights in {-2..2}, hidden biases in {-1..1}, so every hidden pre-activation is an
/// integer, and exactly one of them is exactly 0 (35 parameters). Has kinks.
/// </summary>
/// <remarks>
/// <para>
/// The zero pre-activation is made on purpose: on odd seeds in layer 1 (a bias b1[i] is set to cancel
/// W1[i,:] x_k), on even seeds in layer 2. Every other hidden pre-activation is a non-zero integer, at
/// least 1 from the kink, so the only non-smooth entries are those whose perturbation moves that one
/// pre-activation: its row of weights (where the input is not 0), its bias, and on even seeds the
/// layer-1 entries that feed it. The hand-written gradient uses ReLU'(0) = 0, which there is exactly
/// one of the two one-sided derivatives, while a central difference gives their average.
/// </para>
/// <para>
/// Why only one zero: with two kinks moving along the same parameter's direction, ReLU'(0) = 0 can
/// give a value outside both one-sided derivatives (the chain rule does not hold for non-smooth
/// functions), and then no per-entry check could call the correct backward pass right.
/// </para>
/// <para>
/// The output layer is linear with real weights of magnitude at least 0.3, and every residual is at
/// least 0.5, so the kink's jump is comparable to the gradient entries around it.
/// Every hidden unit is on for some example and every hidden layer is off somewhere, so gradients
/// reach every tensor and a forgotten ReLU mask is a real bug; and no kink entry holds its tensor's
/// largest gradient entry. Semantic bugs: the ReLU mask forgotten,
/// and the bias gradient from the first example only.
/// </para>
/// </remarks>
public sealed class IntegerReluNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [3, 4, 3, 1];
    private const int Examples = 4;

    private readonly DenseStack<T> stack;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;
    private readonly string[] kinkEntries = [];
    private readonly T[,] x;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public IntegerReluNetwork(int seed)
        : base("relu-integer-grid", seed)
    {
        var random = new Gaussian(seed);
        stack = new DenseStack<T>(Parameters, Activation.Relu, Activation.Relu, Activation.Identity);
        int kinkLayer = seed % 2 == 1 ? 1 : 2;
        y = new T[1, Examples];

        // Redrawn until the point is as described below; weights in {-2..2} rather than {-1..1} make a
        // stray zero rarer, so that takes tens of draws rather than hundreds.
        do
        {
            x = random.IntegerMatrix<T>(Sizes[0], Examples, -2, 2);
            Parameters["W1"] = random.IntegerMatrix<T>(Sizes[1], Sizes[0], -2, 2);
            Parameters["b1"] = random.IntegerMatrix<T>(Sizes[1], 1, -1, 1);
            Parameters["W2"] = random.IntegerMatrix<T>(Sizes[2], Sizes[1], -2, 2);
            Parameters["b2"] = random.IntegerMatrix<T>(Sizes[2], 1, -1, 1);
            Parameters["W3"] = AwayFromZero(random, Sizes[3], Sizes[2]);
            Parameters["b3"] = random.Matrix<T>(Sizes[3], 1, 0.3);
            PlaceKink(random, kinkLayer);
            kinkEntries = IsWellPlaced(kinkLayer) ? [.. KinkEntryLabels()] : [];
            SetTargets(random);
        }
        while (kinkEntries.Length == 0 || !LargestEntriesAreSmooth(kinkEntries) || !GradientIsResolvable());

        semanticBugs =
        [
            new("ReLU mask forgotten", () => Backward(DenseMistake.ReluMaskForgotten)),
            new("db from the first example only", () => Backward(DenseMistake.BiasFromFirstExample)),
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyCollection<string> KinkEntries => kinkEntries;

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        (_, T[][,] a) = stack.Forward(x);
        return Activations.HalfMeanSquaredError(a[stack.LayerCount], y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(DenseMistake.None);

    private Dictionary<string, T[,]> Backward(DenseMistake mistake)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);
        T m = T.CreateTruncating(Examples);
        T[,] outputError = Matrix.Zip(a[stack.LayerCount], y, (output, target) => (output - target) / m);
        return stack.Backward(z, a, outputError, mistake);
    }

    /// <summary>Real output weights ±(0.3 + 0.4 |N(0, 1)|): no output weight small enough to hide a kink's jump.</summary>
    private static T[,] AwayFromZero(Gaussian random, int rows, int columns)
    {
        var w = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double magnitude = 0.3 + (0.4 * Math.Abs(random.Next()));
                w[i, j] = T.CreateTruncating(random.Uniform() < 0.5 ? -magnitude : magnitude);
            }
        }

        return w;
    }

    /// <summary>
    /// Real targets <c>y_k = output_k ∓ (0.5 + |N(0, 1)|)</c>: every residual at least 0.5, so the example
    /// whose pre-activation sits on the kink has an error to pass through it, and the kink's jump is of
    /// the order of the gradient rather than lost in it.
    /// </summary>
    private void SetTargets(Gaussian random)
    {
        (_, T[][,] a) = stack.Forward(x);
        for (int k = 0; k < Examples; k++)
        {
            double residual = 0.5 + Math.Abs(random.Next());
            y[0, k] = a[stack.LayerCount][0, k] + T.CreateTruncating(random.Uniform() < 0.5 ? -residual : residual);
        }
    }

    /// <summary>Sets one bias so that one pre-activation of <paramref name="layer"/> is exactly 0.</summary>
    private void PlaceKink(Gaussian random, int layer)
    {
        (T[][,] z, _) = stack.Forward(x);
        int unit = random.Integer(0, Sizes[layer] - 1);
        int example = random.Integer(0, Examples - 1);

        // Integers all the way, so the subtraction is exact in float too.
        Parameters["b" + layer][unit, 0] -= z[layer][unit, example];
    }

    /// <summary>
    /// Exactly one hidden pre-activation is 0; every hidden unit is on somewhere; every hidden layer is
    /// off somewhere; and the zero's unit reaches the output with some weight.
    /// </summary>
    private bool IsWellPlaced(int kinkLayer)
    {
        (T[][,] z, _) = stack.Forward(x);
        int zeros = 0;
        for (int l = 1; l <= 2; l++)
        {
            bool anyOff = false;
            for (int i = 0; i < Sizes[l]; i++)
            {
                bool on = false;
                for (int k = 0; k < Examples; k++)
                {
                    T value = z[l][i, k];
                    zeros += value == T.Zero ? 1 : 0;
                    on |= value > T.Zero;
                    anyOff |= value < T.Zero;
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

        return zeros == 1 && KinkIsFelt(z, kinkLayer);
    }

    /// <summary>
    /// The entries whose perturbation moves the zero pre-activation z_l[u,k]: in its own layer, W_l[u,j]
    /// where A_{l-1}[j,k] is not 0, and b_l[u]; for a zero in layer 2, also the layer-1 entries of units
    /// that are on for example k and reach unit u (W2[u,i] not 0).
    /// </summary>
    private IEnumerable<string> KinkEntryLabels()
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);
        for (int layer = 1; layer <= 2; layer++)
        {
            for (int u = 0; u < Sizes[layer]; u++)
            {
                for (int k = 0; k < Examples; k++)
                {
                    if (z[layer][u, k] != T.Zero)
                    {
                        continue;
                    }

                    foreach (string label in EntriesMoving(layer, u, k, a))
                    {
                        yield return label;
                    }

                    if (layer == 2)
                    {
                        for (int i = 0; i < Sizes[1]; i++)
                        {
                            if (Parameters["W2"][u, i] != T.Zero && z[1][i, k] > T.Zero)
                            {
                                foreach (string label in EntriesMoving(1, i, k, a))
                                {
                                    yield return label;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>W_l[u,j] for the inputs A_{l-1}[j,k] that are not 0, and b_l[u]: what moves z_l[u,k] directly.</summary>
    private IEnumerable<string> EntriesMoving(int layer, int unit, int example, T[][,] a)
    {
        for (int j = 0; j < Sizes[layer - 1]; j++)
        {
            if (a[layer - 1][j, example] != T.Zero)
            {
                yield return EntryLabel("W" + layer, unit, j);
            }
        }

        yield return EntryLabel("b" + layer, unit, 0);
    }

    /// <summary>Whether the zero pre-activation's unit reaches the output for that example (its jump is not 0).</summary>
    private bool KinkIsFelt(T[][,] z, int kinkLayer)
    {
        if (kinkLayer == 2)
        {
            return true;
        }

        T[,] w2 = Parameters["W2"];
        T[,] w3 = Parameters["W3"];
        for (int i = 0; i < Sizes[1]; i++)
        {
            for (int k = 0; k < Examples; k++)
            {
                if (z[1][i, k] == T.Zero)
                {
                    // The layer-1 unit's error is Σ_r W3[r] W2[r,i] [z2[r,k] > 0] times the residual.
                    double reach = 0.0;
                    for (int r = 0; r < Sizes[2]; r++)
                    {
                        reach += z[2][r, k] > T.Zero ? double.CreateTruncating(w3[0, r] * w2[r, i]) : 0.0;
                    }

                    return Math.Abs(reach) >= 0.3;
                }
            }
        }

        return false;
    }
}
