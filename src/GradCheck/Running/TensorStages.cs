using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Running;

/// <summary>
/// The stages of <see cref="StagedDifferentiation"/> for one tensor's entries: the inner points, the
/// verdicts they can give, the outer points where a verdict is open, and the climb to larger steps.
/// Holds the values evaluated so far (<see cref="StencilValues"/>).
/// </summary>
/// <typeparam name="T">The element type of the parameters.</typeparam>
internal sealed class TensorStages<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly WorkerModel<T>[] workers;
    private readonly int tensor;
    private readonly int[]? entries;
    private readonly AnalyticGradient<T> analytic;
    private readonly EntryRule<T> rule;
    private readonly ComparisonRule comparison;
    private readonly NumericalGradient into;
    private readonly StencilValues values;

    /// <param name="workers">The models, the user's first.</param>
    /// <param name="tensor">The tensor's position among the parameters.</param>
    /// <param name="entries">Its entries to differentiate, or null for every entry.</param>
    /// <param name="analytic">a, readable at least at the entries to differentiate.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="comparison">The pass rule, which decides which entries need more points.</param>
    /// <param name="into">Receives the estimates.</param>
    public TensorStages(WorkerModel<T>[] workers, int tensor, int[]? entries, AnalyticGradient<T> analytic, EntryRule<T> rule, ComparisonRule comparison, NumericalGradient into)
    {
        this.workers = workers;
        this.tensor = tensor;
        this.entries = entries;
        this.analytic = analytic;
        this.rule = rule;
        this.comparison = comparison;
        this.into = into;
        values = new StencilValues(entries?.Length ?? workers[0].Parameters.Tensors[tensor].Storage.Length);
    }

    /// <summary>The entries' values, as the user's model holds them (restored after every evaluation).</summary>
    private ReadOnlySpan<T> X => workers[0].Parameters.Tensors[tensor].Storage.Span;

    /// <summary>Evaluates every entry at ±h and ±2h.</summary>
    /// <param name="meter">Counts the entries done.</param>
    public void EvaluateInner(ProgressMeter meter) =>
        Evaluate(positions: null, Stencil.InnerMultiples, meter);

    /// <summary>The entries' noise samples for the pool (<see cref="EntryNoise.Sample"/>).</summary>
    public List<double> NoiseSamples()
    {
        double epsilon = MachineEpsilon.Of<T>();
        var samples = new List<double>(values.Count);
        for (int position = 0; position < values.Count; position++)
        {
            if (EntryNoise.Sample(rule.Points(X[IndexOf(position)]), values.At(rule.BaseCost, position), epsilon) is double sample)
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    /// <summary>
    /// Writes every entry's estimate from its inner points, fixes the tensor's scale from them, and
    /// returns the positions whose verdict is still open: a kink suspected, an error above
    /// <see cref="StagedDifferentiation.InnerErrorShare"/> of the scale, or a failure to confirm.
    /// </summary>
    /// <param name="noise">The tensor's measured noise.</param>
    public int[] DecideInner(in CostNoise noise)
    {
        bool[] suspect = new bool[values.Count];
        for (int position = 0; position < values.Count; position++)
        {
            int index = IndexOf(position);
            Stencil points = rule.Points(X[index]);
            Stencil at = values.At(rule.BaseCost, position);
            suspect[position] = RichardsonEstimate.WriteInner(points, at, EntryNoise.Of(noise, points, at), into, index);
        }

        // The scale every later decision and the final bounds use, fixed here from the inner points
        // alone, so that it does not depend on which entries then get more points (which depends on
        // their analytic values): no entry's bound moves with another entry's analytic value.
        double scale = into.LargestFinite();
        into.Scale = scale;
        var open = new List<int>();
        for (int position = 0; position < values.Count; position++)
        {
            int index = IndexOf(position);
            EntryOutcome outcome = GradientComparison.Judge(analytic[index], into, index, comparison, scale, out _, out _);
            bool coarse = into[index].Error > StagedDifferentiation.InnerErrorShare * scale;

            // An analytic value that is not finite fails whatever n is: no point confirming it.
            if (suspect[position] || coarse || (outcome != EntryOutcome.WithinTolerance && outcome != EntryOutcome.AnalyticNotFinite))
            {
                open.Add(position);
            }
        }

        return [.. open];
    }

    /// <summary>
    /// Evaluates the open entries at ±4h and lets the whole stencil decide them; returns the positions
    /// that should climb to larger steps (<see cref="ShouldClimb"/>). Where the cost is not finite at
    /// ±4h (it left its domain, no fault of the gradient), the inner points' estimate stands.
    /// </summary>
    /// <param name="open">The positions <see cref="DecideInner"/> left open.</param>
    /// <param name="noise">The tensor's measured noise.</param>
    public List<int> Confirm(int[] open, in CostNoise noise)
    {
        var climbing = new List<int>();
        if (open.Length == 0)
        {
            return climbing;
        }

        Evaluate(open, Stencil.OuterMultiples, meter: null);
        foreach (int position in open)
        {
            int index = IndexOf(position);
            Stencil points = rule.Points(X[index]);
            Stencil at = values.At(rule.BaseCost, position);
            if (double.IsFinite(at.Plus4H) && double.IsFinite(at.Minus4H))
            {
                double noisePart = RichardsonEstimate.Write(points, at, EntryNoise.Of(noise, points, at), into, index);
                if (ShouldClimb(index, noisePart))
                {
                    climbing.Add(position);
                }
            }
        }

        return climbing;
    }

    /// <summary>
    /// Climbs the entries at <paramref name="climbing"/> one rung at a time (steps 2h, 4h, 8h, each rung
    /// 2 more evaluations): an entry takes a rung whose error estimate is smaller than its best so far,
    /// and stops at a rung that shows a kink, is not finite, does not improve, or once it resolves 1%.
    /// </summary>
    /// <param name="climbing">The positions <see cref="Confirm"/> returned.</param>
    /// <param name="noise">The tensor's measured noise.</param>
    public void Climb(List<int> climbing, in CostNoise noise)
    {
        var rungEstimate = new NumericalGradient(1);
        for (int rung = 1; rung <= StencilValues.HighestRung && climbing.Count > 0; rung++)
        {
            int widest = 4 << rung;
            Evaluate([.. climbing], [widest, -widest], meter: null);
            var still = new List<int>();
            foreach (int position in climbing)
            {
                int index = IndexOf(position);
                Stencil points = rule.Points(X[index], rung);
                Stencil at = values.At(rule.BaseCost, position, rung);
                if (!double.IsFinite(at.Plus4H) || !double.IsFinite(at.Minus4H))
                {
                    continue;
                }

                double noisePart = RichardsonEstimate.Write(points, at, EntryNoise.Of(noise, points, at), rungEstimate, 0);
                NumericalEstimate wider = rungEstimate[0];
                if (wider.IsKink || !double.IsFinite(wider.Value) || !(wider.Error < into[index].Error))
                {
                    continue;
                }

                into.Write(index, wider);
                if (ShouldClimb(index, noisePart))
                {
                    still.Add(position);
                }
            }

            climbing = still;
        }
    }

    /// <summary>
    /// Whether an entry decided from a whole stencil should try a larger step: its gradient is not 0, it
    /// is no kink, noise makes up most of its error, and that error keeps it from seeing 1% of its
    /// value. A larger step divides the noise's share by the step's growth and multiplies the
    /// truncation's by its fourth power, so it pays exactly there.
    /// </summary>
    private bool ShouldClimb(int index, double noisePart)
    {
        NumericalEstimate estimate = into[index];
        if (analytic[index] == 0 || estimate.IsKink || !double.IsFinite(estimate.Value) || noisePart <= estimate.Error / 2)
        {
            return false;
        }

        GradientComparison.Judge(analytic[index], estimate, comparison, into.Scale ?? 0, out _, out double bound);
        double largest = Math.Max(Math.Abs(analytic[index]), Math.Abs(estimate.Value));
        return (bound + estimate.Error) / largest > TensorReport.ResolutionTarget;
    }

    /// <summary>
    /// Evaluates <paramref name="multiples"/> of h for the entries at <paramref name="positions"/> (null
    /// for every entry of the list, which then needs no list of its own) and stores the values.
    /// </summary>
    private void Evaluate(int[]? positions, ReadOnlySpan<int> multiples, ProgressMeter? meter)
    {
        int[]? indices = positions is null ? entries : [.. positions.Select(IndexOf)];
        int[] points = multiples.ToArray();
        values.Add(points);
        StencilValues store = values;
        EntryRule<T> entryRule = rule;

        // A cost that throws at any point ends the check with the exception and where it was thrown:
        // an exception is a bug to see, and swallowing it would hide one in the forward pass.
        EntrySweep.Run(workers, tensor, indices, rule.Cancellation, (in probe, k, index) =>
        {
            Span<double> at = stackalloc double[points.Length];
            entryRule.Evaluate(probe, index, points, at);
            store.Store(positions?[k] ?? k, points, at);
        }, meter);
    }

    private int IndexOf(int position) => entries?[position] ?? position;
}
