using System.Numerics;
using System.Runtime.InteropServices;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Running;

/// <summary>
/// Differentiates the entries a check covers, spending evaluations where the verdict needs them.
/// <list type="number">
/// <item>Every entry: J at ±h and ±2h (4 evaluations), kept (<see cref="StencilValues"/>).</item>
/// <item>The noise of the cost, measured from those values' fourth differences and pooled over the
/// entries of each tensor and of the whole check (<see cref="NoiseLevel"/>).</item>
/// <item>Each entry's estimate from the inner points (<see cref="RichardsonEstimate.WriteInner"/>). Its
/// verdict stands when the one-sided derivatives agree within the noise (no kink suspected), the
/// entry passes, and its error estimate is below <see cref="InnerErrorShare"/> of the tensor's largest
/// derivative (the inner points' error bound is that of a second-order rule, loose where the cost
/// curves strongly).</item>
/// <item>Every other entry: J at ±4h as well (2 more), and the whole stencil decides
/// (<see cref="RichardsonEstimate.Write"/>): a failure is confirmed, a kink is told from curvature and
/// noise by how the one-sided derivatives move from h to 2h.</item>
/// </list>
/// A correct gradient of a smooth cost thus costs 4 evaluations per entry; entries near kinks, entries
/// whose gradient is wrong and entries whose derivative the inner points resolve too coarsely cost 6.
/// A cost that is not finite at ±4h leaves the inner points' estimate standing: that is the domain's edge,
/// not the gradient's fault (an exception there still ends the check, naming the point). The two-point rule makes its 2 evaluations per entry in one pass.
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
    /// <param name="analytic">For each selected tensor, a over the whole tensor.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="comparison">The pass rule, which decides which entries need the outer points.</param>
    /// <param name="meter">Counts the entries done.</param>
    /// <param name="numerics">Receives each selected tensor's numerical gradient (already created).</param>
    /// <param name="noise">Receives each selected tensor's noise model: measured, or the ulp model of the two-point rule, which measures none.</param>
    /// <returns>The number of cost evaluations made.</returns>
    public static long Run<T>(
        WorkerModel<T>[] workers,
        int[] selected,
        int[]?[] entries,
        double[][] analytic,
        EntryRule<T> rule,
        ComparisonRule comparison,
        ProgressMeter meter,
        NumericalGradient[] numerics,
        CostNoise[] noise)
        where T : IFloatingPointIeee754<T>
    {
        long evaluations = 0;
        if (rule.Method == DifferenceMethod.CentralTwoPoint)
        {
            var unused = CostNoise.Ulps(RoundOff.TwoPointUlps * MachineEpsilon.Of<T>());
            for (int t = 0; t < selected.Length; t++)
            {
                NumericalGradient into = numerics[t];
                EntrySweep.Run(workers, selected[t], entries[t], rule.Cancellation, (in probe, _, index) => rule.Differentiate(probe, index, unused, into), meter);
                evaluations += 2L * Count(workers, selected[t], entries[t]);
                noise[t] = unused;
            }

            return evaluations;
        }

        // 1. The inner points of every entry.
        var stored = new StencilValues[selected.Length];
        for (int t = 0; t < selected.Length; t++)
        {
            StencilValues values = stored[t] = new StencilValues(Count(workers, selected[t], entries[t]));
            values.Add(Stencil.InnerMultiples);
            EntrySweep.Run(workers, selected[t], entries[t], rule.Cancellation, (in probe, position, index) =>
            {
                Span<double> at = stackalloc double[Stencil.InnerMultiples.Length];
                rule.Evaluate(probe, index, Stencil.InnerMultiples, at);
                values.Store(position, Stencil.InnerMultiples, at);
            }, meter);
            evaluations += (long)Stencil.InnerMultiples.Length * values.Count;
        }

        // 2. The noise, per tensor, from the same values.
        MeasureNoise(workers[0], selected, entries, rule, stored, noise);

        // 3. The verdicts the inner points can give.
        var open = new List<int>[selected.Length];
        for (int t = 0; t < selected.Length; t++)
        {
            open[t] = DecideInner(workers[0], selected[t], entries[t], analytic[t], rule, comparison, stored[t], noise[t], numerics[t]);
        }

        // 4. The outer points where they are needed, and the whole stencil's verdict.
        for (int t = 0; t < selected.Length; t++)
        {
            if (open[t].Count == 0)
            {
                continue;
            }

            StencilValues values = stored[t];
            int[] positions = [.. open[t]];
            evaluations += Evaluate(workers, selected[t], entries[t], positions, Stencil.OuterMultiples, rule, values);
            Span<T> x = workers[0].Parameters.Tensors[selected[t]].Storage.Span;
            var climbing = new List<int>();
            double scale = numerics[t].Scale ?? 0;
            foreach (int position in positions)
            {
                int index = entries[t]?[position] ?? position;
                Stencil points = rule.Points(x[index]);
                Stencil at = values.At(rule.BaseCost, position);

                // Where the cost left its domain out there (NaN or infinite), which is no fault of the
                // gradient, the estimate from the inner points stands.
                if (double.IsFinite(at.Plus4H) && double.IsFinite(at.Minus4H))
                {
                    double noisePart = RichardsonEstimate.Write(points, at, ForEntry(noise[t], points, at), numerics[t], index);
                    if (ShouldClimb(analytic[t][index], numerics[t], index, noisePart, comparison, scale))
                    {
                        climbing.Add(position);
                    }
                }
            }

            // 5. Larger steps where noise, not truncation, limits what an entry resolves.
            evaluations += Climb(workers, selected[t], entries[t], climbing, analytic[t], rule, comparison, values, noise[t], numerics[t]);
        }

        return evaluations;
    }

    /// <summary>Evaluates <paramref name="multiples"/> of h for the entries at <paramref name="positions"/> and stores the values.</summary>
    /// <returns>The number of cost evaluations made.</returns>
    private static long Evaluate<T>(WorkerModel<T>[] workers, int tensor, int[]? entries, int[] positions, ReadOnlySpan<int> multiples, EntryRule<T> rule, StencilValues values)
        where T : IFloatingPointIeee754<T>
    {
        int[] indices = [.. positions.Select(position => entries?[position] ?? position)];
        int[] points = multiples.ToArray();
        values.Add(points);

        // A cost that throws out there still ends the check with the exception and where it was
        // thrown: an exception is a bug to see, and swallowing it would hide one in the forward pass.
        EntrySweep.Run(workers, tensor, indices, rule.Cancellation, (in probe, k, index) =>
        {
            Span<double> at = stackalloc double[points.Length];
            rule.Evaluate(probe, index, points, at);
            values.Store(positions[k], points, at);
        }, meter: null);
        return (long)points.Length * positions.Length;
    }

    /// <summary>
    /// Whether an entry decided from the whole stencil should try larger steps: its gradient is not 0, it
    /// is no kink, noise makes up most of its error, and that error keeps it from seeing 1% of its
    /// value. A larger step divides the noise's share by the step's growth and multiplies the
    /// truncation's by its fourth power, so it pays exactly there.
    /// </summary>
    private static bool ShouldClimb(double analytic, NumericalGradient numeric, int index, double noisePart, ComparisonRule comparison, double scale)
    {
        if (analytic == 0 || numeric.IsKink[index] || !double.IsFinite(numeric.Value[index]) || noisePart <= numeric.Error[index] / 2)
        {
            return false;
        }

        GradientComparison.Judge(analytic, numeric, index, comparison, scale, out _, out double bound);
        double largest = Math.Max(Math.Abs(analytic), Math.Abs(numeric.Value[index]));
        return (bound + numeric.Error[index]) / largest > TensorReport.ResolutionTarget;
    }

    /// <summary>
    /// Climbs the entries at <paramref name="climbing"/> one rung at a time (steps 2h, 4h, 8h, each rung
    /// 2 more evaluations): an entry takes a rung whose error estimate is smaller than its best so far,
    /// and stops at a rung that shows a kink, is not finite, does not improve, or once it resolves 1%.
    /// </summary>
    /// <returns>The number of cost evaluations made.</returns>
    private static long Climb<T>(
        WorkerModel<T>[] workers,
        int tensor,
        int[]? entries,
        List<int> climbing,
        double[] analytic,
        EntryRule<T> rule,
        ComparisonRule comparison,
        StencilValues values,
        CostNoise noise,
        NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        long evaluations = 0;
        Span<T> x = workers[0].Parameters.Tensors[tensor].Storage.Span;
        var rungEstimate = new NumericalGradient(1);
        for (int rung = 1; rung <= StencilValues.HighestRung && climbing.Count > 0; rung++)
        {
            int widest = 4 << rung;
            evaluations += Evaluate(workers, tensor, entries, [.. climbing], [widest, -widest], rule, values);
            double scale = into.Scale ?? 0;
            var still = new List<int>();
            foreach (int position in climbing)
            {
                int index = entries?[position] ?? position;
                Stencil points = rule.Points(x[index], rung);
                Stencil at = values.At(rule.BaseCost, position, rung);
                if (!double.IsFinite(at.Plus4H) || !double.IsFinite(at.Minus4H))
                {
                    continue;
                }

                double noisePart = RichardsonEstimate.Write(points, at, ForEntry(noise, points, at), rungEstimate, 0);
                if (rungEstimate.IsKink[0] || !double.IsFinite(rungEstimate.Value[0]) || !(rungEstimate.Error[0] < into.Error[index]))
                {
                    continue;
                }

                into.Value[index] = rungEstimate.Value[0];
                into.Error[index] = rungEstimate.Error[0];
                into.Low[index] = rungEstimate.Low[0];
                into.High[index] = rungEstimate.High[0];
                if (ShouldClimb(analytic[index], into, index, noisePart, comparison, scale))
                {
                    still.Add(position);
                }
            }

            climbing = still;
        }

        return evaluations;
    }

    private static int Count<T>(WorkerModel<T>[] workers, int tensor, int[]? entries)
        where T : IFloatingPointIeee754<T> =>
        entries?.Length ?? workers[0].Parameters.Tensors[tensor].Storage.Length;

    /// <summary>
    /// How many times the tensor's typical noise an entry's own sample may raise the noise its kink test
    /// counts: enough that the noisiest entries of a cancelling sum are not taken for kinks, little
    /// enough that a tensor whose entries all sit on kinks (where the samples are the kinks) still sees them.
    /// </summary>
    public const double KinkNoiseExcess = 4.0;

    /// <summary>
    /// One entry's noise, as its error estimate and its kink test count it: its own sample where that
    /// stands above the tensor's typical level (an entry whose moves change more rounded terms is
    /// noisier, and its noise must not pass for a kink), up to the tensor's upper level (a sample that
    /// large is a kink or curvature, not noise), and for the kink test up to <see cref="KinkNoiseExcess"/>
    /// times the typical level.
    /// </summary>
    private static CostNoise ForEntry(in CostNoise tensor, in Stencil points, in Stencil values)
    {
        double own = RichardsonEstimate.NoiseSample(points, values);
        double sigma = double.IsFinite(own) ? Math.Max(tensor.KinkAbsolute, Math.Min(own, tensor.Absolute)) : tensor.Absolute;
        double forKinks = Math.Min(sigma, KinkNoiseExcess * tensor.KinkAbsolute);
        return tensor with { Absolute = sigma, KinkAbsolute = forKinks };
    }

    /// <summary>Pools the noise samples of each tensor and of the whole check (<see cref="NoiseLevel"/>).</summary>
    private static void MeasureNoise<T>(WorkerModel<T> main, int[] selected, int[]?[] entries, EntryRule<T> rule, StencilValues[] stored, CostNoise[] noise)
        where T : IFloatingPointIeee754<T>
    {
        double epsilon = MachineEpsilon.Of<T>();
        var samples = new List<double>[selected.Length];
        var all = new List<double>();
        for (int t = 0; t < selected.Length; t++)
        {
            samples[t] = [];
            ReadOnlySpan<T> x = main.Parameters.Tensors[selected[t]].Storage.Span;
            for (int position = 0; position < stored[t].Count; position++)
            {
                Stencil values = stored[t].At(rule.BaseCost, position);
                if (values.PlusH == values.Center && values.MinusH == values.Center && values.Plus2H == values.Center && values.Minus2H == values.Center)
                {
                    // The cost does not read this entry here: no noise to see, and none to count. Nor
                    // is a kink noise (below).
                    continue;
                }

                Stencil points = rule.Points(x[entries[t]?[position] ?? position]);
                double sample = RichardsonEstimate.NoiseSample(points, values);
                if (double.IsFinite(sample) && !RichardsonEstimate.BendsAtTheCentreAlone(points, values))
                {
                    double largest = Math.Max(Math.Max(Math.Abs(values.Center), Math.Max(Math.Abs(values.PlusH), Math.Abs(values.MinusH))), Math.Max(Math.Abs(values.Plus2H), Math.Abs(values.Minus2H)));
                    samples[t].Add(NoiseLevel.Capped(sample, largest, epsilon));
                }
            }

            all.AddRange(samples[t]);
        }

        (double checkTypical, double checkUpper) = NoiseLevel.Pooled(CollectionsMarshal.AsSpan(all));
        for (int t = 0; t < selected.Length; t++)
        {
            (double typical, double upper) = NoiseLevel.Pooled(CollectionsMarshal.AsSpan(samples[t]));
            noise[t] = CostNoise.Measured(NoiseLevel.Of(typical, checkTypical), NoiseLevel.Of(upper, checkUpper), epsilon);
        }
    }

    /// <summary>Writes every entry's estimate from its inner points and returns the positions whose verdict is still open.</summary>
    private static List<int> DecideInner<T>(WorkerModel<T> main, int tensor, int[]? entries, double[] analytic, EntryRule<T> rule, ComparisonRule comparison, StencilValues values, CostNoise noise, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> x = main.Parameters.Tensors[tensor].Storage.Span;
        bool[] suspect = new bool[values.Count];
        for (int position = 0; position < values.Count; position++)
        {
            int index = entries?[position] ?? position;
            Stencil points = rule.Points(x[index]);
            Stencil at = values.At(rule.BaseCost, position);
            suspect[position] = RichardsonEstimate.WriteInner(points, at, ForEntry(noise, points, at), into, index);
            into.MarkChecked(index);
        }

        // The scale every later decision and the final bounds use, fixed here from the inner points
        // alone, so that it does not depend on which entries then get more points.
        double scale = GradientComparison.LargestFinite(into.Value);
        into.Scale = scale;
        var open = new List<int>();
        for (int position = 0; position < values.Count; position++)
        {
            int index = entries?[position] ?? position;
            EntryOutcome outcome = GradientComparison.Judge(analytic[index], into, index, comparison, scale, out _, out _);
            bool coarse = into.Error[index] > InnerErrorShare * scale;

            // An analytic value that is not finite fails whatever n is: no point confirming it.
            if (suspect[position] || coarse || (outcome != EntryOutcome.WithinTolerance && outcome != EntryOutcome.AnalyticNotFinite))
            {
                open.Add(position);
            }
        }

        return open;
    }
}
