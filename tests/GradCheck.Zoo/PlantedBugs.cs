using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Structural mistakes planted in a correct gradient: the kinds of error a backward pass makes when its
/// algebra is right but its bookkeeping is not (a factor, a sign, a lost update, an index off by one, a
/// transposed store, two results swapped).
/// </summary>
public static class PlantedBugs
{
    /// <summary>
    /// The smallest relative change ||bug - correct||₂ / ||correct||₂ of the mutated tensor(s) that counts
    /// as a bug. Below it the mutation changed nothing that matters (scaling an all-zero gradient,
    /// shifting a constant one, transposing a column vector), and it is not planted.
    /// </summary>
    public const double SmallestRelativeChange = 1e-3;

    /// <summary>
    /// For every parameter tensor, in parameter order, each mutation that changes its gradient: scaled
    /// by 2, scaled by 1.01, sign flipped, zeroed, its largest-magnitude entry doubled, shifted by one
    /// entry (flat index i takes the value of i - 1, cyclically), stored transposed (the transpose's
    /// row-major data in the original shape); then, for every two tensors of the same shape, the two
    /// swapped. Each bug carries its own deep copy of all gradients.
    /// </summary>
    /// <param name="problem">The problem, for its parameter names and order.</param>
    /// <param name="correct">The correct gradients, keyed by parameter name; never modified.</param>
    public static IEnumerable<PlantedBug<T>> Structural<T>(ZooProblem<T> problem, Dictionary<string, T[,]> correct)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(correct);
        string[] names = [.. problem.Parameters.Keys];
        T two = T.CreateTruncating(2.0);
        T onePercentMore = T.CreateTruncating(1.01);
        foreach (string name in names)
        {
            T[,] gradient = correct[name];
            (string What, Mutation Mutation, T[,] Mutated)[] mutations =
            [
                ("scaled by 2", Mutation.ScaledByTwo, Matrix.Map(gradient, value => two * value)),
                ("scaled by 1.01", Mutation.ScaledByOnePercent, Matrix.Map(gradient, value => onePercentMore * value)),
                ("sign flipped", Mutation.SignFlipped, Matrix.Map(gradient, value => -value)),
                ("zeroed", Mutation.Zeroed, new T[gradient.GetLength(0), gradient.GetLength(1)]),
                ("largest entry doubled", Mutation.LargestEntryDoubled, LargestEntryDoubled(gradient)),
                ("shifted by one entry", Mutation.ShiftedByOne, ShiftedByOne(gradient)),
                ("stored transposed", Mutation.StoredTransposed, StoredTransposed(gradient)),
            ];
            foreach ((string what, Mutation mutation, T[,] mutated) in mutations)
            {
                if (RelativeChange([gradient], [mutated]) >= SmallestRelativeChange)
                {
                    Dictionary<string, T[,]> gradients = DeepCopy(correct);
                    gradients[name] = mutated;
                    yield return new PlantedBug<T>($"d{name} {what}", name, gradients, mutation);
                }
            }
        }

        for (int i = 0; i < names.Length; i++)
        {
            for (int j = i + 1; j < names.Length; j++)
            {
                T[,] first = correct[names[i]];
                T[,] second = correct[names[j]];
                if (first.GetLength(0) == second.GetLength(0) && first.GetLength(1) == second.GetLength(1) &&
                    RelativeChange([first, second], [second, first]) >= SmallestRelativeChange)
                {
                    Dictionary<string, T[,]> gradients = DeepCopy(correct);
                    gradients[names[i]] = Matrix.Copy(second);
                    gradients[names[j]] = Matrix.Copy(first);
                    yield return new PlantedBug<T>($"d{names[i]} and d{names[j]} swapped", $"{names[i]}, {names[j]}", gradients, Mutation.Swapped);
                }
            }
        }
    }

    /// <summary>A copy of every gradient, sharing no array with <paramref name="gradients"/>.</summary>
    public static Dictionary<string, T[,]> DeepCopy<T>(Dictionary<string, T[,]> gradients)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(gradients);
        var copy = new Dictionary<string, T[,]>(gradients.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, T[,]> pair in gradients)
        {
            copy.Add(pair.Key, Matrix.Copy(pair.Value));
        }

        return copy;
    }

    /// <summary>
    /// ||after - before||₂ / ||before||₂ over the given tensors, in double; infinity when only the
    /// correct tensors are all 0 and the mutation is not, 0 when both are all 0.
    /// </summary>
    public static double RelativeChange<T>(IReadOnlyList<T[,]> before, IReadOnlyList<T[,]> after)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        double change = 0.0;
        double size = 0.0;
        for (int t = 0; t < before.Count; t++)
        {
            T[,] original = before[t];
            T[,] mutated = after[t];
            for (int i = 0; i < original.GetLength(0); i++)
            {
                for (int j = 0; j < original.GetLength(1); j++)
                {
                    double value = double.CreateTruncating(original[i, j]);
                    double difference = double.CreateTruncating(mutated[i, j]) - value;
                    change += difference * difference;
                    size += value * value;
                }
            }
        }

        return change == 0.0 ? 0.0 : size == 0.0 ? double.PositiveInfinity : Math.Sqrt(change / size);
    }

    private static T[,] LargestEntryDoubled<T>(T[,] gradient)
        where T : IFloatingPointIeee754<T>
    {
        T[,] result = Matrix.Copy(gradient);
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

        result[row, column] *= T.CreateTruncating(2.0);
        return result;
    }

    /// <summary>Row-major flat index i takes the value of i - 1 (the first takes the last): an off-by-one store.</summary>
    private static T[,] ShiftedByOne<T>(T[,] gradient)
        where T : IFloatingPointIeee754<T>
    {
        int columns = gradient.GetLength(1);
        int count = gradient.Length;
        var result = new T[gradient.GetLength(0), columns];
        for (int flat = 0; flat < count; flat++)
        {
            int from = (flat + count - 1) % count;
            result[flat / columns, flat % columns] = gradient[from / columns, from % columns];
        }

        return result;
    }

    /// <summary>
    /// The transpose's entries in row-major order, poured back into the original (r, c) shape: what a
    /// backward pass that computes dWᵀ and stores it into dW's buffer leaves there.
    /// </summary>
    private static T[,] StoredTransposed<T>(T[,] gradient)
        where T : IFloatingPointIeee754<T>
    {
        int rows = gradient.GetLength(0);
        int columns = gradient.GetLength(1);
        var result = new T[rows, columns];
        for (int flat = 0; flat < gradient.Length; flat++)
        {
            // Entry flat of the (c, r) transpose, row-major, is transpose[flat / r, flat % r] = gradient[flat % r, flat / r].
            result[flat / columns, flat % columns] = gradient[flat % rows, flat / rows];
        }

        return result;
    }
}
