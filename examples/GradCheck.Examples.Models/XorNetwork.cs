using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace GradCheck.Examples.Models;

/// <summary>
/// The small XOR network of the classic courses: layers [2, 2, 2, 1], sigmoid units everywhere, the
/// mean squared error cost, and each layer's bias stored as column 0 of its weight matrix Θ.
/// </summary>
/// <remarks>
/// Layer l computes <c>a_l = sigmoid(Θ_l [1; a_{l-1}])</c>: the constant 1 put on top of the previous
/// activations meets the bias column. The gradient of the bias column is therefore computed exactly
/// like any weight, with input 1, and is easy to get wrong by forgetting to skip it when propagating
/// back. The parameters live only in <see cref="Parameters"/> and are read again on every call.
/// </remarks>
/// <typeparam name="T">The floating-point type of the parameters, data and cost.</typeparam>
public sealed class XorNetwork<T>
    where T : IFloatingPointIeee754<T>
{
    private const int LayerCount = 3;

    /// <summary>Creates the network with standard-normal parameters drawn from <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed of the standard normals, drawn for Theta1, Theta2, Theta3 in turn, row by row.</param>
    public XorNetwork(int seed)
    {
        var normal = new SeededNormal(seed);
        Parameters = new Dictionary<string, T[,]>(LayerCount);
        for (int l = 0; l < LayerCount; l++)
        {
            Parameters.Add(Key(l), normal.NextMatrix<T>(Size(l + 1), Size(l) + 1, 1.0));
        }
    }

    /// <summary>
    /// The parameters by name: <c>Theta1</c> (2, 3), <c>Theta2</c> (2, 3) and <c>Theta3</c> (1, 3), the
    /// bias of each unit in column 0. The arrays may be changed in place.
    /// </summary>
    public Dictionary<string, T[,]> Parameters { get; }

    /// <summary>The four XOR examples, one per column.</summary>
    /// <returns>X of shape (2, 4) holding (0,0), (0,1), (1,0), (1,1), and Y of shape (1, 4) = [0, 1, 1, 0].</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The data belongs with the network it trains: XorNetwork<double>.Data().")]
    public static (T[,] X, T[,] Y) Data()
    {
        T[,] x = new T[2, 4];
        T[,] y = new T[1, 4];
        for (int j = 0; j < 4; j++)
        {
            bool first = (j & 2) != 0;
            bool second = (j & 1) != 0;
            x[0, j] = first ? T.One : T.Zero;
            x[1, j] = second ? T.One : T.Zero;
            y[0, j] = first ^ second ? T.One : T.Zero;
        }

        return (x, y);
    }

    /// <summary>The mean squared error of the network's outputs.</summary>
    /// <param name="x">The inputs, one example per column: shape (2, m).</param>
    /// <param name="y">The targets: shape (1, m).</param>
    /// <returns><c>J = (1 / (2m)) Σ (a - y)²</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> has the wrong shape.</exception>
    public T Cost(T[,] x, T[,] y)
    {
        int m = ExampleCount(x, y);
        T[][,] activations = Forward(x);
        T[,] output = activations[^1];

        T sum = T.Zero;
        for (int j = 0; j < m; j++)
        {
            T error = output[0, j] - y[0, j];
            sum += error * error;
        }

        return sum / T.CreateChecked(2 * m);
    }

    /// <summary>The gradient of <see cref="Cost"/> with respect to every parameter, by backpropagation.</summary>
    /// <param name="x">The inputs, one example per column: shape (2, m).</param>
    /// <param name="y">The targets: shape (1, m).</param>
    /// <returns>The gradients <c>dTheta1</c>, <c>dTheta2</c>, <c>dTheta3</c>, each with the shape of its parameter.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> or <paramref name="y"/> has the wrong shape.</exception>
    public Dictionary<string, T[,]> Backward(T[,] x, T[,] y)
    {
        int m = ExampleCount(x, y);
        T[][,] activations = Forward(x);
        int layers = LayerCount;
        T count = T.CreateChecked(m);

        var gradients = new T[layers][,];
        for (int l = 0; l < layers; l++)
        {
            gradients[l] = new T[Size(l + 1), Size(l) + 1];
        }

        // Output: dJ/dz = (a - y) / m · a (1 - a); unlike cross-entropy, the squared error keeps the
        // sigmoid's derivative.
        T[,] output = activations[layers];
        var delta = new T[1, m];
        for (int j = 0; j < m; j++)
        {
            T a = output[0, j];
            delta[0, j] = (a - y[0, j]) / count * a * (T.One - a);
        }

        for (int l = layers - 1; l >= 0; l--)
        {
            T[,] theta = Parameters[Key(l)];
            T[,] input = activations[l];
            T[,] gradient = gradients[l];
            int units = Size(l + 1);
            int inputs = Size(l);

            // dΘ = δ [1; a_prev]ᵀ: column 0 pairs with the constant input 1.
            for (int i = 0; i < units; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    gradient[i, 0] += delta[i, j];
                    for (int k = 0; k < inputs; k++)
                    {
                        gradient[i, k + 1] += delta[i, j] * input[k, j];
                    }
                }
            }

            if (l > 0)
            {
                // δ_prev = (Θ without its bias column)ᵀ δ ⊙ a_prev (1 - a_prev); the bias column has no
                // unit below it to pass a gradient to.
                var previous = new T[inputs, m];
                for (int k = 0; k < inputs; k++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        T sum = T.Zero;
                        for (int i = 0; i < units; i++)
                        {
                            sum += theta[i, k + 1] * delta[i, j];
                        }

                        T a = input[k, j];
                        previous[k, j] = sum * a * (T.One - a);
                    }
                }

                delta = previous;
            }
        }

        var result = new Dictionary<string, T[,]>(layers);
        for (int l = 0; l < layers; l++)
        {
            result.Add("d" + Key(l), gradients[l]);
        }

        return result;
    }

    /// <summary>The activations of every layer, one example per column; entry 0 is the input itself.</summary>
    private T[][,] Forward(T[,] x)
    {
        int m = x.GetLength(1);
        var activations = new T[LayerCount + 1][,];
        activations[0] = x;
        for (int l = 0; l < LayerCount; l++)
        {
            T[,] theta = Parameters[Key(l)];
            T[,] input = activations[l];
            var output = new T[Size(l + 1), m];
            for (int i = 0; i < Size(l + 1); i++)
            {
                for (int j = 0; j < m; j++)
                {
                    T z = theta[i, 0];
                    for (int k = 0; k < Size(l); k++)
                    {
                        z += theta[i, k + 1] * input[k, j];
                    }

                    output[i, j] = Activations.Sigmoid(z);
                }
            }

            activations[l + 1] = output;
        }

        return activations;
    }

    /// <summary>The number of units in layer <paramref name="layer"/>, the input being layer 0.</summary>
    private static int Size(int layer) => layer == LayerCount ? 1 : 2;

    /// <summary>The name of the parameter of layer <paramref name="index"/> + 1.</summary>
    private static string Key(int index) => index switch
    {
        0 => "Theta1",
        1 => "Theta2",
        2 => "Theta3",
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    private static int ExampleCount(T[,] x, T[,] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int m = x.GetLength(1);
        if (m == 0)
        {
            throw new ArgumentException("There must be at least one example (column).", nameof(x));
        }

        Matrix.RequireShape(x, Size(0), m, nameof(x));
        Matrix.RequireShape(y, Size(LayerCount), m, nameof(y));
        return m;
    }
}
