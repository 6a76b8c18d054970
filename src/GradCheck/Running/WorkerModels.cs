using System.Globalization;
using System.Numerics;
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
    /// <param name="factory">Makes a copy.</param>
    /// <param name="workers">How many workers in all.</param>
    /// <param name="baseCost">The model's cost, which every copy must reproduce.</param>
    /// <param name="epsilon">ε of the element type.</param>
    /// <param name="obstacles">Where a copy whose cost differs is reported.</param>
    /// <param name="cancellation">The check's cancellation token.</param>
    /// <exception cref="ArgumentException">A copy's parameters differ in names or shapes, or share storage with another model.</exception>
    /// <exception cref="CostEvaluationException">A copy's cost threw.</exception>
    public static WorkerModel<T>[] Create<T>(WorkerModel<T> main, ParameterSnapshot<T> snapshot, Func<WorkerModel<T>> factory, int workers, double baseCost, double epsilon, List<CheckObstacle> obstacles, CancellationToken cancellation)
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
