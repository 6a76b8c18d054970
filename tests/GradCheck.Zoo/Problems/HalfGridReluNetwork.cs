using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// A dense [3, 4, 4, 1] regression network with two ReLU hidden layers and a linear output under the
/// half mean squared error over m = 5 examples, on the half grid: integer inputs, weights and hidden
/// biases that are multiples of 1/2. Many pre-activations are then exactly 0, and its kinks, including
/// kinks that meet, are found exactly (41 parameters).
/// </summary>
/// <remarks>
/// <para>
/// The derived constructor draws the point and calls <see cref="Analyse"/>, which finds, for every
/// entry, its one-sided derivatives, whether it is a kink and how many ReLUs switch along it, exactly
/// (see <see cref="ReluKinkAnalysis"/>), and refuses the draw when a pre-activation changes sign within
/// <see cref="ZooProblem{T}.StencilReach"/> of the point anywhere but at the point itself; the derived
/// constructor redraws until it accepts. Then every kink entry's stencil straddles exactly one
/// breakpoint of the cost, at x, where one or several ReLUs switch.
/// </para>
/// <para>
/// The backward pass uses ReLU'(0) = 0. At a kink where one ReLU switches that is one of the two
/// one-sided derivatives; where several switch (<see cref="ZooProblem{T}.MeetingKinkEntries"/>) the
/// chain rule holds on neither side, and the value may lie outside both
/// (<see cref="EntriesOutsideOneSidedDerivatives"/>). It is always the derivative of
/// <see cref="FrozenPatternCost"/>, the cost with every ReLU's on/off pattern frozen as it is at the
/// point, which is how the zoo's own tests confirm it at every entry.
/// </para>
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public abstract class HalfGridReluNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The layer sizes, input first.</summary>
    private protected static readonly int[] Sizes = [3, 4, 4, 1];

    /// <summary>The number of examples m.</summary>
    private protected const int Examples = 5;

    private static readonly Activation[] Layers = [Activation.Relu, Activation.Relu, Activation.Identity];

    private readonly DenseStack<T> stack;
    private string[] kinkEntries = [];
    private string[] meetingKinkEntries = [];
    private string[] outsideEntries = [];
    private Dictionary<string, (double Left, double Right)> oneSided = new(StringComparer.Ordinal);
    private bool[][,] pattern = [];

    /// <summary>Creates the network's layers over <see cref="ZooProblem{T}.Parameters"/>; the derived constructor draws them.</summary>
    /// <param name="name">The problem's name.</param>
    /// <param name="seed">The seed.</param>
    private protected HalfGridReluNetwork(string name, int seed)
        : base(name, seed)
    {
        stack = new DenseStack<T>(Parameters, Layers);
        X = new T[Sizes[0], Examples];
        Y = new T[Sizes[^1], Examples];
    }

    /// <inheritdoc />
    public override IReadOnlyCollection<string> KinkEntries => kinkEntries;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> MeetingKinkEntries => meetingKinkEntries;

    /// <summary>
    /// The meeting kink entries where the hand-written value (ReLU'(0) = 0) lies outside the interval
    /// between the cost's one-sided derivatives, by more than a thousand ulps of their size: where a checker that
    /// holds the value to that interval fails the correct backward pass. Found by the exact analysis.
    /// </summary>
    public IReadOnlyCollection<string> EntriesOutsideOneSidedDerivatives => outsideEntries;

    /// <summary>
    /// Every entry's one-sided derivatives of the cost, J'(0-) and J'(0+) along the entry, from the exact
    /// analysis (equal where the entry is not a kink), keyed by label such as <c>W1[2,0]</c>.
    /// </summary>
    public IReadOnlyDictionary<string, (double Left, double Right)> OneSidedDerivatives => oneSided;

    /// <summary>The inputs, examples in columns: small integers.</summary>
    private protected T[,] X { get; }

    /// <summary>The targets.</summary>
    private protected T[,] Y { get; }

    /// <summary>The network's layers.</summary>
    private protected DenseStack<T> Stack => stack;

    /// <inheritdoc />
    public override T Cost()
    {
        (_, T[][,] a) = stack.Forward(X);
        return Activations.HalfMeanSquaredError(a[stack.LayerCount], Y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(DenseMistake.None);

    /// <summary>
    /// The cost with every ReLU's on/off pattern frozen as at the point as built (a unit on where its
    /// pre-activation was &gt; 0 there, off elsewhere): smooth, equal to the cost near the point on the
    /// side where no unit switches, and its gradient at the point is the hand-written one (ReLU'(0) = 0)
    /// at every entry, kink or not.
    /// </summary>
    public T FrozenPatternCost()
    {
        T[,] a = X;
        for (int l = 1; l <= stack.LayerCount; l++)
        {
            T[,] z = Matrix.Affine(Parameter("W" + l), a, Parameter("b" + l));
            if (l < stack.LayerCount)
            {
                bool[,] on = pattern[l];
                for (int i = 0; i < z.GetLength(0); i++)
                {
                    for (int k = 0; k < z.GetLength(1); k++)
                    {
                        z[i, k] = on[i, k] ? z[i, k] : T.Zero;
                    }
                }
            }

            a = z;
        }

        return Activations.HalfMeanSquaredError(a, Y);
    }

    /// <summary>Integer inputs in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    private protected static T[,] IntegerInputs(Gaussian random, int low, int high) =>
        random.IntegerMatrix<T>(Sizes[0], Examples, low, high);

    /// <summary>Multiples of 1/2 from <paramref name="low"/>/2 to <paramref name="high"/>/2.</summary>
    private protected static T[,] HalfGrid(Gaussian random, int rows, int columns, int low, int high) =>
        Matrix.ScaleInPlace(random.IntegerMatrix<T>(rows, columns, low, high), T.CreateTruncating(0.5));

    /// <summary>Multiples of 1/2 that are not 0: ±1/2 or ±1.</summary>
    private protected static T[,] HalfGridAwayFromZero(Gaussian random, int rows, int columns)
    {
        var w = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double magnitude = random.Integer(1, 2) / 2.0;
                w[i, j] = T.CreateTruncating(random.Uniform() < 0.5 ? -magnitude : magnitude);
            }
        }

        return w;
    }

    /// <summary>
    /// Real targets <c>y_k = output_k ∓ (0.5 + |N(0, 1)|)</c>: every residual at least 0.5, so every
    /// example's kinks are felt in the cost.
    /// </summary>
    private protected void SetTargets(Gaussian random)
    {
        (_, T[][,] a) = stack.Forward(X);
        for (int k = 0; k < Examples; k++)
        {
            double residual = 0.5 + Math.Abs(random.Next());
            Y[0, k] = a[stack.LayerCount][0, k] + T.CreateTruncating(random.Uniform() < 0.5 ? -residual : residual);
        }
    }

    /// <summary>
    /// The exact kink analysis at the current point (<see cref="ReluKinkAnalysis"/>), stored as this
    /// problem's kinks; false, storing nothing, when some pre-activation changes sign within the reach
    /// away from the point (the draw must be redone).
    /// </summary>
    private protected bool Analyse()
    {
        var copy = new Dictionary<string, double[,]>(StringComparer.Ordinal);
        foreach ((string name, T[,] value) in Parameters)
        {
            copy.Add(name, ToDouble(value));
        }

        List<EntryKinks> entries = ReluKinkAnalysis.Analyse(copy, Layers, ToDouble(X), ToDouble(Y));
        if (entries.Exists(entry => entry.HasInteriorBreakpoint))
        {
            return false;
        }

        Dictionary<string, T[,]> gradient = Gradient();
        kinkEntries = [.. entries.Where(entry => entry.IsKink).Select(entry => entry.Label)];
        meetingKinkEntries = [.. entries.Where(entry => entry.IsMeeting).Select(entry => entry.Label)];
        oneSided = entries.ToDictionary(entry => entry.Label, entry => (entry.Left, entry.Right), StringComparer.Ordinal);
        outsideEntries = [.. entries.Where(entry => entry.IsMeeting && IsOutside(entry, gradient)).Select(entry => entry.Label)];
        (T[][,] z, _) = stack.Forward(X);
        pattern = new bool[stack.LayerCount][,];
        for (int l = 1; l < stack.LayerCount; l++)
        {
            pattern[l] = new bool[z[l].GetLength(0), z[l].GetLength(1)];
            for (int i = 0; i < z[l].GetLength(0); i++)
            {
                for (int k = 0; k < z[l].GetLength(1); k++)
                {
                    pattern[l][i, k] = z[l][i, k] > T.Zero;
                }
            }
        }

        return true;
    }

    /// <summary>The backward pass with ReLU'(0) = 0, with one mistake in the layers or at the output.</summary>
    private protected Dictionary<string, T[,]> Backward(DenseMistake mistake, OutputMistake output = OutputMistake.None)
    {
        (T[][,] z, T[][,] a) = stack.Forward(X);
        T m = output == OutputMistake.OneOverMLeftOut ? T.One : T.CreateTruncating(Examples);
        T[,] outputError = Matrix.Zip(
            a[stack.LayerCount],
            Y,
            (value, target) => (output == OutputMistake.ResidualSignFlipped ? target - value : value - target) / m);
        return stack.Backward(z, a, outputError, mistake);
    }

    /// <summary>Whether every tensor whose gradient is not all 0 has its largest-magnitude entry away from every kink.</summary>
    private protected bool NonZeroLargestEntriesAreSmooth()
    {
        foreach ((string name, T[,] gradient) in Gradient())
        {
            (int row, int column) = (0, 0);
            for (int i = 0; i < gradient.GetLength(0); i++)
            {
                for (int j = 0; j < gradient.GetLength(1); j++)
                {
                    if (T.Abs(gradient[i, j]) > T.Abs(gradient[row, column]))
                    {
                        (row, column) = (i, j);
                    }
                }
            }

            if (gradient[row, column] != T.Zero && kinkEntries.Contains(EntryLabel(name, row, column)))
            {
                return false;
            }
        }

        return true;
    }

    private static double[,] ToDouble(T[,] value)
    {
        var result = new double[value.GetLength(0), value.GetLength(1)];
        for (int i = 0; i < value.GetLength(0); i++)
        {
            for (int j = 0; j < value.GetLength(1); j++)
            {
                result[i, j] = double.CreateTruncating(value[i, j]);
            }
        }

        return result;
    }

    private static bool IsOutside(EntryKinks entry, Dictionary<string, T[,]> gradient)
    {
        double value = double.CreateTruncating(gradient[entry.Tensor][entry.Row, entry.Column]);
        double low = Math.Min(entry.Left, entry.Right);
        double high = Math.Max(entry.Left, entry.Right);
        // A thousand ulps of the type: the hand-written value is rounded to T, the analysis is not.
        double ulp = double.CreateTruncating(T.BitIncrement(T.One) - T.One);
        double slack = 1e3 * ulp * Math.Max(1.0, Math.Max(Math.Abs(low), Math.Abs(high)));
        return value < low - slack || value > high + slack;
    }

    /// <summary>A mistake at the output, which the problem owns.</summary>
    private protected enum OutputMistake
    {
        /// <summary>The correct output error (out - y)/m.</summary>
        None,

        /// <summary>The 1/m of the mean left out.</summary>
        OneOverMLeftOut,

        /// <summary>The residual taken as y - out.</summary>
        ResidualSignFlipped,
    }
}
