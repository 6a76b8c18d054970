using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Running;

/// <summary>
/// Sets up the extra workers of a parallel check: a model each from the factory, checked to have the
/// model's names and shapes and storage of its own, given the model's values bit for bit, and
/// evaluated once to prove that it computes the same cost.
/// </summary>
internal static class WorkerModels
{
    /// <summary>The user's model followed by <paramref name="workers"/> - 1 copies.</summary>
    /// <param name="main">The user's model.</param>
    /// <param name="snapshot">The model's values, copied into every worker's parameters.</param>
    /// <param name="lease">The check's hold on the model's storage, extended to each copy's before it is written.</param>
    /// <param name="factory">Makes a copy.</param>
    /// <param name="workers">How many workers in all.</param>
    /// <param name="baseCost">The model's cost, which every copy must reproduce.</param>
    /// <param name="epsilon">ε of the element type.</param>
    /// <param name="obstacles">Where a copy whose cost differs is reported.</param>
    /// <param name="cancellation">The check's cancellation token.</param>
    /// <exception cref="ArgumentException">A copy's parameters differ in names or shapes, or share storage with another model.</exception>
    /// <exception cref="CostEvaluationException">A copy's cost threw.</exception>
    public static WorkerModel<T>[] Create<T>(WorkerModel<T> main, ParameterSnapshot<T> snapshot, ParameterLease<T> lease, Func<WorkerModel<T>> factory, int workers, double baseCost, double epsilon, List<CheckObstacle> obstacles, CancellationToken cancellation)
        where T : IFloatingPointIeee754<T>
    {
        var models = new WorkerModel<T>[workers];
        models[0] = main;
        for (int w = 1; w < workers; w++)
        {
            WorkerModel<T> model = factory() ?? throw new ArgumentException($"The worker model factory returned null for worker {w + 1}.");
            ThrowIfNotACopy(main.Parameters, model.Parameters, w + 1);
            for (int earlier = 0; earlier < w; earlier++)
            {
                ThrowIfShared(models[earlier].Parameters, model.Parameters, w + 1);
            }

            lease.Add(model.Parameters);
            snapshot.CopyTo(model.Parameters);
            // Not counted in the report's evaluations: the report must not depend on the number of workers.
            double cost = CostEvaluation.At(
                model.Cost,
                string.Create(CultureInfo.InvariantCulture, $"worker {w + 1}'s model, at the model's parameters (to prove that it computes the same cost)"),
                cancellation);
            if (!Determinism.SameValue(baseCost, cost, epsilon))
            {
                string[] costs = DistinctDigits.General([cost, baseCost]);
                obstacles.Add(new CheckObstacle(
                    CheckObstacleKind.WorkerModelDiffers,
                    $"worker {w + 1}'s model gives the cost {costs[0]} at the model's parameters, but the model gives {costs[1]}: " +
                    "the worker model factory must build a model that computes the same cost (same data, same layers), reading only its own parameters"));
                break;
            }

            models[w] = model;
        }

        return models;
    }

    /// <summary>
    /// Proves that every worker's cost reads its own parameters, tensor by tensor: a worker whose cost reads
    /// the model's (a closure over the original) gives the model's cost at its own given point, but would
    /// measure the model's entries, moved at that moment by another worker or by none, in place of its own.
    /// For each checked tensor one entry is moved by 4h, the same in the model and in every worker, and
    /// every worker's cost must move as the model's does. The entry is one of the largest |a|, where the
    /// cost is likely to move; an entry that leaves the model's cost unchanged proves nothing, and the next
    /// is tried. Null if every worker passes, else what one does not.
    /// </summary>
    /// <param name="models">The model followed by the workers' copies, all at the model's values.</param>
    /// <param name="selected">The positions of the checked tensors among the parameters.</param>
    /// <param name="analytic">For each checked tensor, a; the proof moves entries it can read.</param>
    /// <param name="baseCost">The model's cost at its given point.</param>
    /// <param name="relativeStep">The rule's step.</param>
    /// <param name="epsilon">ε of the element type.</param>
    /// <param name="cancellation">The check's cancellation token.</param>
    public static CheckObstacle? ReadOwnParameters<T>(WorkerModel<T>[] models, int[] selected, AnalyticGradient<T>[] analytic, double baseCost, double relativeStep, double epsilon, CancellationToken cancellation)
        where T : IFloatingPointIeee754<T>
    {
        for (int t = 0; t < selected.Length; t++)
        {
            foreach (int index in LargestEntries(analytic[t], ProofCandidates))
            {
                double model = MovedCost(models[0], selected[t], index, relativeStep, cancellation, out T moved);
                if (Determinism.SameValue(baseCost, model, epsilon))
                {
                    continue;
                }

                for (int w = 1; w < models.Length; w++)
                {
                    double worker = MovedCost(models[w], selected[t], index, relativeStep, cancellation, out _);
                    if (Determinism.SameValue(model, worker, epsilon))
                    {
                        continue;
                    }

                    NamedTensor<T> tensor = models[0].Parameters.Tensors[selected[t]];
                    string entry = Shapes.EntryLabel(tensor.Name, index, tensor.Storage.Shape);
                    string[] costs = DistinctDigits.General([worker, model, baseCost]);
                    string[] value = DistinctDigits.General([double.CreateTruncating(moved)]);
                    string reason = Determinism.SameValue(baseCost, worker, epsilon)
                        ? string.Create(CultureInfo.InvariantCulture, $"worker {w + 1}'s model does not read its own parameters: with {entry} moved to {value[0]} in it, its cost stays at {costs[0]}, where the model's becomes {costs[1]} (from {costs[2]}); its cost must read the parameters given with it to WorkerModel.Of, not the model's")
                        : string.Create(CultureInfo.InvariantCulture, $"worker {w + 1}'s model gives the cost {costs[0]} with {entry} moved to {value[0]} in it, but the model gives {costs[1]}: the worker model factory must build a model that computes the same cost, reading only its own parameters");
                    return new CheckObstacle(CheckObstacleKind.WorkerModelDiffers, reason);
                }

                break;
            }
        }

        return null;
    }

    /// <summary>How many entries of a tensor the proof tries before it gives up on that tensor (its cost moves with none of them).</summary>
    private const int ProofCandidates = 4;

    /// <summary>The model's cost with entry <paramref name="index"/> of tensor <paramref name="tensor"/> moved by 4h, then restored.</summary>
    private static double MovedCost<T>(WorkerModel<T> model, int tensor, int index, double relativeStep, CancellationToken cancellation, out T moved)
        where T : IFloatingPointIeee754<T>
    {
        var probe = new CostProbe<T>(model.Cost, model.Parameters.Tensors[tensor], cancellation);
        T original = probe.Values[index];
        moved = StepSize.Offset(original, relativeStep, 4);
        try
        {
            return probe.At(index, moved, 4);
        }
        finally
        {
            probe.Values[index] = original;
        }
    }

    /// <summary>Up to <paramref name="count"/> indices of the largest finite |a|, largest first.</summary>
    /// <remarks>One pass keeping the best few, so that a tensor of millions of entries allocates nothing per entry.</remarks>
    private static List<int> LargestEntries<T>(AnalyticGradient<T> analytic, int count)
        where T : IFloatingPointIeee754<T>
    {
        var largest = new List<int>(count + 1);
        foreach (int index in analytic.Readable)
        {
            int at = largest.Count;
            while (at > 0 && Magnitude(analytic[largest[at - 1]]) < Magnitude(analytic[index]))
            {
                at--;
            }

            if (at < count)
            {
                largest.Insert(at, index);
                if (largest.Count > count)
                {
                    largest.RemoveAt(count);
                }
            }
        }

        return largest;
    }

    private static double Magnitude(double value) => double.IsFinite(value) ? Math.Abs(value) : -1;

    private static void ThrowIfNotACopy<T>(TensorSet<T> model, TensorSet<T> copy, int worker)
        where T : IFloatingPointIeee754<T>
    {
        string expected = Describe(model);
        string actual = Describe(copy);
        if (expected != actual)
        {
            throw new ArgumentException($"Worker {worker}'s model has the parameters {actual}, but the model has {expected}: a worker model needs the same names and shapes.");
        }
    }

    private static void ThrowIfShared<T>(TensorSet<T> earlier, TensorSet<T> copy, int worker)
        where T : IFloatingPointIeee754<T>
    {
        for (int t = 0; t < copy.Tensors.Count; t++)
        {
            for (int u = 0; u < earlier.Tensors.Count; u++)
            {
                if (copy.Tensors[t].Storage.Span.Overlaps(earlier.Tensors[u].Storage.Span))
                {
                    throw new ArgumentException(
                        $"Worker {worker}'s parameter {copy.Tensors[t].Name} shares its storage with {earlier.Tensors[u].Name} of another model: " +
                        "each worker perturbs its own copy, so the factory must build new parameters (a deep copy), not return the model's.");
                }
            }
        }
    }

    private static string Describe<T>(TensorSet<T> parameters)
        where T : IFloatingPointIeee754<T> =>
        string.Join(", ", parameters.Tensors.Select(tensor => tensor.Name + " " + Shapes.Format(tensor.Storage.Shape)));
}
