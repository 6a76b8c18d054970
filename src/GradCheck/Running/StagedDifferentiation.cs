using System.Numerics;
using System.Runtime.InteropServices;
using GradCheck.Comparison;
using GradCheck.Differentiation;

namespace GradCheck.Running;

/// <summary>
/// Differentiates the entries a check covers, spending evaluations where the verdict needs them
/// (<see cref="TensorStages{T}"/> holds each tensor's stages).
/// <list type="number">
/// <item>Every entry: J at ±h and ±2h (4 evaluations), kept (<see cref="StencilValues"/>).</item>
/// <item>The noise of the cost, measured from those values' fourth differences and pooled over the
/// entries of each tensor and of the whole check (<see cref="NoiseLevel"/>, <see cref="EntryNoise"/>).</item>
/// <item>Each entry's estimate from the inner points (<see cref="RichardsonEstimate.WriteInner"/>). Its
/// verdict stands when the one-sided derivatives agree within the noise (no kink suspected), the
/// entry passes, and its error estimate is below <see cref="InnerErrorShare"/> of the tensor's largest
/// derivative (the inner points' error bound is that of a second-order rule, loose where the cost
/// curves strongly).</item>
/// <item>Every other entry: J at ±4h as well (2 more), and the whole stencil decides
/// (<see cref="RichardsonEstimate.Write"/>): a failure is confirmed, a kink is told from curvature and
/// noise by how the one-sided derivatives move from h to 2h. A cost that is not finite at ±4h leaves
/// the inner estimate standing: that is the domain's edge, not the gradient's fault.</item>
/// <item>Where noise, not truncation, then keeps an entry from resolving 1% of its value, larger steps:
/// 2h, 4h, 8h, 2 evaluations a rung, taken while the error estimate shrinks.</item>
/// </list>
/// A correct gradient of a smooth cost thus costs 4 evaluations per entry; entries near kinks, entries
/// whose gradient is wrong and entries the inner points resolve too coarsely cost 6, and an entry that
/// climbs up to 12. The two-point rule makes its 2 evaluations per entry in one pass.
/// </summary>
internal static class StagedDifferentiation
{
    /// <summary>
    /// The largest error estimate, as a share of the tensor's largest |n|, at which an entry is decided
    /// from the inner points: there a 1% error in the tensor's large entries stands 10 times above it.
    /// </summary>
    public const double InnerErrorShare = 1e-3;

    /// <summary>Differentiates the selected tensors' entries into <paramref name="numerics"/>.</summary>
    /// <param name="workers">The models, the user's first.</param>
    /// <param name="selected">The positions of the tensors to check among the parameters.</param>
    /// <param name="entries">For each selected tensor, its entries to differentiate, or null for every entry.</param>
    /// <param name="analytic">For each selected tensor, a, readable at least at the entries to differentiate.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="comparison">The pass rule, which decides which entries need more points.</param>
    /// <param name="meter">Counts the entries done.</param>
    /// <param name="numerics">Receives each selected tensor's numerical gradient (already created).</param>
    public static void Run<T>(
        WorkerModel<T>[] workers,
        int[] selected,
        int[]?[] entries,
        AnalyticGradient<T>[] analytic,
        EntryRule<T> rule,
        ComparisonRule comparison,
        ProgressMeter meter,
        NumericalGradient[] numerics)
        where T : IFloatingPointIeee754<T>
    {
        if (rule.Method == DifferenceMethod.CentralTwoPoint)
        {
            TwoPoint(workers, selected, entries, rule, meter, numerics);
            return;
        }

        var stages = new TensorStages<T>[selected.Length];
        for (int t = 0; t < selected.Length; t++)
        {
            stages[t] = new TensorStages<T>(workers, selected[t], entries[t], analytic[t], rule, comparison, numerics[t]);
            stages[t].EvaluateInner(meter);
        }

        CostNoise[] noise = MeasureNoise(stages, MachineEpsilon.Of<T>());
        for (int t = 0; t < selected.Length; t++)
        {
            int[] open = stages[t].DecideInner(noise[t]);
            List<int> climbing = stages[t].Confirm(open, noise[t]);
            stages[t].Climb(climbing, noise[t]);
        }

    }

    /// <summary>Pools the noise samples of each tensor and of the whole check (<see cref="NoiseLevel"/>).</summary>
    private static CostNoise[] MeasureNoise<T>(TensorStages<T>[] stages, double machineEpsilon)
        where T : IFloatingPointIeee754<T>
    {
        List<double>[] samples = [.. stages.Select(stage => stage.NoiseSamples())];
        List<double> all = [.. samples.SelectMany(tensor => tensor)];
        (double checkTypical, double checkUpper) = NoiseLevel.Pooled(CollectionsMarshal.AsSpan(all));
        var noise = new CostNoise[stages.Length];
        for (int t = 0; t < stages.Length; t++)
        {
            (double typical, double upper) = NoiseLevel.Pooled(CollectionsMarshal.AsSpan(samples[t]));
            noise[t] = CostNoise.Measured(NoiseLevel.Of(typical, checkTypical), NoiseLevel.Of(upper, checkUpper), machineEpsilon);
        }

        return noise;
    }

    /// <summary>The two-point rule: x ± h for every entry, with the ulp model of round-off.</summary>
    private static void TwoPoint<T>(WorkerModel<T>[] workers, int[] selected, int[]?[] entries, EntryRule<T> rule, ProgressMeter meter, NumericalGradient[] numerics)
        where T : IFloatingPointIeee754<T>
    {
        var noise = CostNoise.Ulps(RoundOff.TwoPointUlps * MachineEpsilon.Of<T>());
        for (int t = 0; t < selected.Length; t++)
        {
            NumericalGradient into = numerics[t];
            EntrySweep.Run(workers, selected[t], entries[t], rule.Cancellation, (in probe, _, index) => rule.Differentiate(probe, index, noise, into), meter);
        }
    }
}
