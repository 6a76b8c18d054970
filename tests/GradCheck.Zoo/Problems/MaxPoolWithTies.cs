using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 10: max pooling (windows of 2, stride 2) of 2 channels of length 8, then a linear read-out
/// <c>V</c> (4 → 3) and the squared loss <c>½ Σ (P Vᵀ - t)²</c>, where some windows hold a tie. The
/// parameters are the input x (2, 8) and V (3, 4): 28 in all. Has kinks.
/// </summary>
/// <remarks>
/// <para>
/// In a tied window, max(a, a) goes up with either entry but does not go down with one alone: the
/// one-sided derivatives of J with respect to each tied entry are dP and 0. The hand-written gradient
/// sends dP to the first of the tied entries and 0 to the second (what the usual argmax routing does),
/// one of the two one-sided derivatives for each; a central difference gives dP/2 for both.
/// </para>
/// <para>
/// Each channel has at least one tied window, one whose first entry is larger and one whose second
/// is, and untied entries differ by at least 0.1, so nothing but the ties is near a kink; the input is
/// redrawn until no tied entry holds the largest input gradient. Semantic
/// bugs: the gradient routed to the first entry of every window (not to its maximum), and spread
/// evenly over the window (average pooling's backward pass).
/// </para>
/// </remarks>
public sealed class MaxPoolWithTies<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Channels = 2;
    private const int Length = 8;
    private const int Windows = Length / 2;
    private const int Outputs = 3;

    private readonly T[,] target;
    private readonly SemanticBug<T>[] semanticBugs;
    private readonly string[] kinkEntries;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public MaxPoolWithTies(int seed)
        : base("max-pool-ties", seed)
    {
        var random = new Gaussian(seed);
        target = random.Matrix<T>(Channels, Outputs, 1.0);
        do
        {
            Parameters["x"] = DrawInput(random);
            Parameters["V"] = random.Matrix<T>(Outputs, Windows, 0.7);
            kinkEntries = [.. TiedEntryLabels()];
        }
        while (!LargestEntriesAreSmooth(kinkEntries));

        semanticBugs =
        [
            new("max-pool gradient routed to each window's first entry", () => Backward(Mistake.RoutedToFirst)),
            new("max-pool gradient spread evenly over the window", () => Backward(Mistake.Averaged)),
        ];
    }

    private enum Mistake
    {
        None,
        RoutedToFirst,
        Averaged,
    }

    private enum Window
    {
        Tie,
        FirstLarger,
        SecondLarger,
    }

    /// <inheritdoc />
    public override IReadOnlyCollection<string> KinkEntries => kinkEntries;

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        T[,] output = Matrix.ProductTransposeB(Pool(), Parameter("V"));
        T sum = T.Zero;
        for (int c = 0; c < Channels; c++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                T residual = output[c, o] - target[c, o];
                sum += residual * residual;
            }
        }

        return sum / T.CreateTruncating(2);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    private static T[,] DrawInput(Gaussian random)
    {
        var x = new T[Channels, Length];
        for (int c = 0; c < Channels; c++)
        {
            // One window of each kind and a fourth of a random kind, in a random order.
            Window[] kinds = [Window.Tie, Window.FirstLarger, Window.SecondLarger, (Window)random.Integer(0, 2)];
            for (int j = kinds.Length - 1; j > 0; j--)
            {
                int other = random.Integer(0, j);
                (kinds[j], kinds[other]) = (kinds[other], kinds[j]);
            }

            for (int j = 0; j < Windows; j++)
            {
                double first = random.Next();
                double gap = 0.1 + (0.5 * Math.Abs(random.Next()));
                double second = kinds[j] switch
                {
                    Window.Tie => first,
                    Window.FirstLarger => first - gap,
                    _ => first + gap,
                };

                // A tie is the same number of type T twice, so it survives the rounding to float.
                x[c, 2 * j] = T.CreateTruncating(first);
                x[c, (2 * j) + 1] = kinds[j] == Window.Tie ? x[c, 2 * j] : T.CreateTruncating(second);
            }
        }

        return x;
    }

    /// <summary>Both entries of every tied window.</summary>
    private IEnumerable<string> TiedEntryLabels()
    {
        T[,] x = Parameter("x");
        for (int c = 0; c < Channels; c++)
        {
            for (int j = 0; j < Windows; j++)
            {
                if (x[c, 2 * j] == x[c, (2 * j) + 1])
                {
                    yield return EntryLabel("x", c, 2 * j);
                    yield return EntryLabel("x", c, (2 * j) + 1);
                }
            }
        }
    }

    /// <summary>The pooled (2, 4) matrix: the maximum of each window.</summary>
    private T[,] Pool()
    {
        T[,] x = Parameter("x");
        var pooled = new T[Channels, Windows];
        for (int c = 0; c < Channels; c++)
        {
            for (int j = 0; j < Windows; j++)
            {
                pooled[c, j] = T.Max(x[c, 2 * j], x[c, (2 * j) + 1]);
            }
        }

        return pooled;
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        T[,] x = Parameter("x");
        T[,] v = Parameter("V");
        T[,] pooled = Pool();
        T[,] outputError = Matrix.Zip(Matrix.ProductTransposeB(pooled, v), target, (value, wanted) => value - wanted);
        T[,] dv = Matrix.ProductTransposeA(outputError, pooled);
        T[,] dpooled = Matrix.Product(outputError, v);
        var dx = new T[Channels, Length];
        T half = T.CreateTruncating(0.5);
        for (int c = 0; c < Channels; c++)
        {
            for (int j = 0; j < Windows; j++)
            {
                int first = 2 * j;
                int second = first + 1;
                switch (mistake)
                {
                    case Mistake.RoutedToFirst:
                        dx[c, first] = dpooled[c, j];
                        break;
                    case Mistake.Averaged:
                        dx[c, first] = half * dpooled[c, j];
                        dx[c, second] = half * dpooled[c, j];
                        break;
                    default:
                        // The first of tied maxima takes the gradient, as an argmax scanning left to right gives.
                        dx[c, x[c, first] >= x[c, second] ? first : second] = dpooled[c, j];
                        break;
                }
            }
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["x"] = dx, ["V"] = dv };
    }
}
