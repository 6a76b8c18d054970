namespace GradCheck.Reporting;

/// <summary>One entry of a tensor, with both gradients and how far apart they are.</summary>
public sealed class EntryReport
{
    /// <param name="label">The entry as the user indexes it.</param>
    /// <param name="flatIndex">The row-major position of the entry in its tensor.</param>
    /// <param name="analytic">a.</param>
    /// <param name="numeric">n.</param>
    /// <param name="absoluteError">|a - n|, or the distance from the one-sided derivatives at a kink.</param>
    /// <param name="relativeError">The absolute error over max(|a|, |n|).</param>
    /// <param name="bound">The largest error the pass rule allows.</param>
    /// <param name="outcome">Whether the entry passed, and if not, why.</param>
    internal EntryReport(string label, int flatIndex, double analytic, double numeric, double absoluteError, double relativeError, double bound, EntryOutcome outcome)
    {
        Label = label ?? throw new ArgumentNullException(nameof(label));
        FlatIndex = flatIndex;
        Analytic = analytic;
        Numeric = numeric;
        AbsoluteError = absoluteError;
        RelativeError = relativeError;
        Bound = bound;
        Outcome = outcome;
    }

    /// <summary>The entry as the user indexes it, such as <c>W1[3,2]</c>.</summary>
    public string Label { get; }

    /// <summary>The row-major position of the entry in its tensor.</summary>
    public int FlatIndex { get; }

    /// <summary>The gradient the backward pass returned (a).</summary>
    public double Analytic { get; }

    /// <summary>The finite-difference estimate (n).</summary>
    public double Numeric { get; }

    /// <summary>|a - n|; at a kink, the distance from a to the interval of the one-sided derivatives.</summary>
    public double AbsoluteError { get; }

    /// <summary>The absolute error over max(|a|, |n|), 0 when both are 0.</summary>
    public double RelativeError { get; }

    /// <summary>The largest error the pass rule allows for this entry.</summary>
    public double Bound { get; }

    /// <summary>Whether the entry passed, and if not, why.</summary>
    public EntryOutcome Outcome { get; }

    /// <summary>The smallest one-sided derivative around the entry, or NaN where the method computes none.</summary>
    public double OneSidedLow { get; internal init; } = double.NaN;

    /// <summary>The largest one-sided derivative around the entry, or NaN where the method computes none.</summary>
    public double OneSidedHigh { get; internal init; } = double.NaN;

    /// <summary>
    /// Which point nudged off the ties the values and the verdict are those of (1, 2, ...): the entry was
    /// not checkable at the given point (kinks may meet) and was re-checked there. 0 for the given point.
    /// </summary>
    internal int NudgedPoint { get; init; }

    /// <summary>Whether the entry passed the rule (a kink with a valid subgradient passes).</summary>
    public bool Passed => Passes(Outcome);

    /// <summary>Whether the entry failed the rule; an entry that was not checked neither passed nor failed.</summary>
    public bool Failed => Fails(Outcome);

    /// <summary>The pass rule on outcomes, for every place that asks: within tolerance, or a valid subgradient at a kink.</summary>
    internal static bool Passes(EntryOutcome outcome) => outcome is EntryOutcome.WithinTolerance or EntryOutcome.Kink;

    /// <summary>Whether an outcome is a failure: neither a pass nor an entry left unchecked.</summary>
    internal static bool Fails(EntryOutcome outcome) => !Passes(outcome) && outcome is not (EntryOutcome.NotChecked or EntryOutcome.NotCheckable);

    /// <summary>The entry and its two values, such as <c>W1[3,2]: a = 0.25, n = 0.5 (OutsideTolerance)</c>.</summary>
    public override string ToString() => $"{Label}: a = {Analytic}, n = {Numeric} ({Outcome})";
}
