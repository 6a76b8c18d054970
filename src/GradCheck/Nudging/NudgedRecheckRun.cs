using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Nudging;

/// <summary>
/// The re-check of entries that could not be checked at the given point, because kinks may meet along
/// them there: move every parameter off the ties (<see cref="PointNudge"/>), run the backward pass
/// there, differentiate those entries alone there, and put every parameter back bit for bit, also when
/// the cost or the backward pass throws.
/// </summary>
internal static class NudgedRecheckRun
{
    /// <summary>Runs the re-check.</summary>
    /// <param name="cost">The cost, reading <paramref name="parameters"/>.</param>
    /// <param name="parameters">The parameters, at the given point; moved and restored bit for bit.</param>
    /// <param name="givenPoint">The snapshot of the given point that restores them.</param>
    /// <param name="selected">The positions of the checked tensors among the parameters.</param>
    /// <param name="entries">For each selected tensor, the entries to re-check, in increasing order (possibly none).</param>
    /// <param name="backward">The backward pass at the parameters as they are, aligned with them.</param>
    /// <param name="nudge">How to move the point.</param>
    /// <param name="comparison">The pass rule, which decides which entries need the outer points.</param>
    /// <param name="options">The check's options: its method, cancellation and clock.</param>
    /// <exception cref="CostEvaluationException">The cost or the backward pass threw at the nudged point; every parameter has been restored.</exception>
    public static NudgedMeasurement<T> Run<T>(
        Func<T> cost,
        TensorSet<T> parameters,
        ParameterSnapshot<T> givenPoint,
        int[] selected,
        int[][] entries,
        Func<TensorStorage<T>[]> backward,
        PointNudge nudge,
        ComparisonRule comparison,
        GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
    {
        var analytic = new AnalyticGradient<T>?[selected.Length];
        var numerics = new NumericalGradient?[selected.Length];
        string where = $"the point nudged off the ties (seed {nudge.Seed})";
        CancellationToken cancellation = options.CancellationToken;
        try
        {
            nudge.Apply(parameters);
            var nudgedPoint = new ParameterSnapshot<T>(parameters);
            double baseCost = CostEvaluation.At(cost, where, cancellation);
            if (!double.IsFinite(baseCost))
            {
                return new NudgedMeasurement<T>(new AnalyticGradient<T>?[selected.Length], numerics, $"the cost is {DistinctDigits.General(baseCost)} there");
            }

            TensorStorage<T>[] gradients = Backward(backward, where, cancellation);

            // Whatever the backward pass moved is put back, so that n is taken where a was.
            nudgedPoint.RestoreModified();

            int[] toRecheck = [.. Enumerable.Range(0, selected.Length).Where(t => entries[t].Length > 0)];
            foreach (int t in toRecheck)
            {
                // Copied at once: the entries re-checked alone, before a cost that writes the gradient can.
                analytic[t] = AnalyticGradient<T>.CopyAt(parameters.Tensors[selected[t]].Name, gradients[selected[t]], entries[t]);
                numerics[t] = new NumericalGradient(analytic[t]!.Length, sparse: true);
            }

            // On the user's model alone: the entries are few, and the workers' models hold the given point.
            long total = toRecheck.Sum(t => (long)entries[t].Length);
            StagedDifferentiation.Run(
                [new WorkerModel<T>(cost, parameters)],
                [.. toRecheck.Select(t => selected[t])],
                [.. toRecheck.Select(t => entries[t])],
                [.. toRecheck.Select(t => analytic[t]!)],
                new EntryRule<T>(options.Method, baseCost, cancellation),
                comparison,
                new ProgressMeter(progress: null, total, options.Clock),
                [.. toRecheck.Select(t => numerics[t]!)]);
        }
        finally
        {
            givenPoint.RestoreModified();
        }

        return new NudgedMeasurement<T>(analytic, numerics, NotMade: null);
    }

    /// <summary>The backward pass at the nudged point; an exception it throws names the point.</summary>
    private static TensorStorage<T>[] Backward<T>(Func<TensorStorage<T>[]> backward, string where, CancellationToken cancellation)
        where T : IFloatingPointIeee754<T>
    {
        cancellation.ThrowIfCancellationRequested();
        return CostEvaluation.Call(backward, where + ", in the backward pass", CheckersOwnExceptions.ArgumentChecks | CheckersOwnExceptions.AlreadyWrapped);
    }
}
