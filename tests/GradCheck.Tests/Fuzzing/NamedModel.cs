using System.Globalization;
using System.Numerics;
using CsCheck;
using GradCheck.Running;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Fuzzing;

/// <summary>What a named model's cost does besides computing its function, in the property that parameters are restored.</summary>
internal enum ModelBehaviour
{
    /// <summary>Computes the function.</summary>
    Known,

    /// <summary>Writes into a parameter, then throws InvalidOperationException, at the evaluation numbered <see cref="NamedModel{T}.Trigger"/>.</summary>
    ScribblesAndThrows,

    /// <summary>Writes into a parameter, then throws OperationCanceledException, at that evaluation.</summary>
    ScribblesAndCancels,

    /// <summary>Writes into a parameter at that evaluation and goes on, as a training step left in the cost would.</summary>
    ModifiesAParameter,
}

/// <summary>
/// A model whose cost reads one to three named tensors in place (vectors, now and then empty, and matrices, values with
/// negative zeros, subnormals, huge values and now and then NaN), a known function of all their entries,
/// and a cost that may write into a parameter, throw or be cancelled at a chosen evaluation.
/// </summary>
internal sealed record NamedModel<T>(
    Array[] Tensors,
    KnownFunction<T> Function,
    bool BuggyGradient,
    bool PrefixedGradientNames,
    ModelBehaviour Behaviour,
    int Trigger,
    int ScribbleAt,
    T Scribble,
    OptionsDraw Options,
    bool WorkerModels)
    where T : IFloatingPointIeee754<T>
{
    public static readonly Gen<NamedModel<T>> Any =
        from mayHoldNaN in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        from tensors in Tensor(mayHoldNaN ? FuzzValues<T>.Any : FuzzValues<T>.MayOverflow).Array[1, 3]
        from function in FuzzCases<T>.Function(tensors.Sum(tensor => tensor.Length))
        from buggy in Gen.Bool
        from prefixed in Gen.Bool
        from behaviour in Gen.Enum<ModelBehaviour>()
        from trigger in Gen.Int[1, 3 + (6 * tensors.Sum(tensor => tensor.Length)) + 3]
        from scribbleAt in Gen.Int.NonNegative
        from scribble in FuzzValues<T>.Any
        from options in OptionsDraw.Valid
        from workerModels in Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false)))
        select new NamedModel<T>(tensors, function, buggy, prefixed, behaviour, trigger, scribbleAt, scribble, options, workerModels);

    /// <summary>A vector (now and then empty) or a matrix of <paramref name="values"/>.</summary>
    private static Gen<Array> Tensor(Gen<T> values) => Gen.Frequency(
        (1, Gen.Frequency((1, Gen.Const(0)), (9, Gen.Int[1, 12])).SelectMany(length => values.Array[length]).Select(entries => (Array)entries)),
        (1, Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5]).SelectMany((rows, columns) => values.Array2D[rows, columns]).Select(entries => (Array)entries)));

    /// <summary>The tensors' names: W0, W1, ...</summary>
    public string Name(int tensor) => "W" + tensor.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parameters, by name, as the checker receives them.</summary>
    public Dictionary<string, Array> Parameters() =>
        Tensors.Select((tensor, t) => (Name(t), tensor)).ToDictionary(pair => pair.Item1, pair => pair.tensor, StringComparer.Ordinal);

    /// <summary>All entries of all tensors, in order, as the cost reads them now.</summary>
    public T[] Flat() => [.. Tensors.SelectMany(tensor => Arrays.Flatten<T>(tensor))];

    /// <summary>The correct gradient, or one with every entry doubled, keyed by name or by d + name, each tensor in its parameter's shape.</summary>
    public Dictionary<string, Array> Gradient()
    {
        T[] flat = Function.Gradient(Flat());
        var gradients = new Dictionary<string, Array>(StringComparer.Ordinal);
        int offset = 0;
        for (int t = 0; t < Tensors.Length; t++)
        {
            Array gradient = Array.CreateInstance(typeof(T), [.. Enumerable.Range(0, Tensors[t].Rank).Select(Tensors[t].GetLength)]);
            for (int i = 0; i < gradient.Length; i++)
            {
                Arrays.Set(gradient, i, BuggyGradient ? flat[offset + i] + flat[offset + i] : flat[offset + i]);
            }

            gradients[(PrefixedGradientNames ? "d" : string.Empty) + Name(t)] = gradient;
            offset += gradient.Length;
        }

        return gradients;
    }

    /// <summary>
    /// The target the checker perturbs: the cost reads the tensors in place; with several workers (and
    /// <see cref="WorkerModels"/>) each extra worker gets a copy of the tensors with a cost that only computes.
    /// </summary>
    public GradientCheckTarget<T> Target(CostLog log, InvalidOperationException thrown, OperationCanceledException cancelled)
    {
        GradientCheckTarget<T> target = GradientCheckTarget<T>.Named(Cost(log, thrown, cancelled), Parameters());
        return Options.Workers > 1 && WorkerModels
            ? target.WithWorkerModels(() =>
            {
                NamedModel<T> copy = this with { Tensors = [.. Tensors.Select(tensor => (Array)tensor.Clone())] };
                return WorkerModel.Of(() => copy.Function.Cost(copy.Flat()), copy.Parameters());
            })
            : target;
    }

    /// <summary>The cost, reading the tensors in place; what it did goes into <paramref name="log"/>.</summary>
    public Func<T> Cost(CostLog log, InvalidOperationException thrown, OperationCanceledException cancelled)
    {
        ulong[] original = Bits.Of(Tensors.SelectMany(tensor => Arrays.Flatten<T>(tensor)).ToArray());
        return () =>
        {
            if (++log.Evaluations == Trigger && Behaviour != ModelBehaviour.Known)
            {
                // Into some entry of some tensor, as a cost that fails halfway through an update might;
                // always a change, and noted if that entry is the one the checker has moved.
                // (The checker refuses a model whose tensors are all empty before it calls the cost.)
                int[] filled = [.. Enumerable.Range(0, Tensors.Length).Where(t => Tensors[t].Length > 0)];
                int tensor = filled[ScribbleAt % filled.Length];
                int i = ScribbleAt % Tensors[tensor].Length;
                T old = Arrays.Flatten<T>(Tensors[tensor])[i];
                T value = Bits.Of(new[] { old })[0] == Bits.Of(new[] { Scribble })[0] ? (T.IsNaN(old) ? T.One : T.BitIncrement(old)) : Scribble;
                log.WroteAnEntryTheCheckerMoved = Bits.Of(new[] { old })[0] != original[Tensors.Take(tensor).Sum(earlier => earlier.Length) + i];
                Arrays.Set(Tensors[tensor], i, value);
                log.Wrote = true;
                switch (Behaviour)
                {
                    case ModelBehaviour.ScribblesAndThrows:
                        throw thrown;
                    case ModelBehaviour.ScribblesAndCancels:
                        throw cancelled;
                }
            }

            return Function.Cost(Flat());
        };
    }

    public override string ToString() =>
        $"{Function} of {string.Join(", ", Tensors.Select((tensor, t) => $"{Name(t)} {Format(tensor)}"))}, " +
        $"{(BuggyGradient ? "doubled" : "correct")} gradient, {Behaviour} at evaluation {Trigger} (writes {Scribble} at {ScribbleAt}), {Options}";

    private static string Format(Array tensor) =>
        "[" + string.Join(", ", Arrays.Flatten<T>(tensor).Select(value => value.ToString("R", CultureInfo.InvariantCulture))) + "]" +
        (tensor.Rank == 2 ? $" ({tensor.GetLength(0)}x{tensor.GetLength(1)})" : string.Empty);
}
