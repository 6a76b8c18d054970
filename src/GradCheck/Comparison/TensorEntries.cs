using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Comparison;

/// <summary>
/// Every entry of one compared tensor, in row-major order: both gradients, n's error estimate, the
/// error and bound the rule used, and each entry's outcome. A report keeps them so that a diagnosis can
/// look for patterns and a picture can show every entry, not only the worst.
/// </summary>
internal sealed class TensorEntries
{
    public TensorEntries(double[] analytic, NumericalGradient numeric, double[] error, double[] bound, EntryOutcome[] outcomes, ComparisonRule rule, double tensorScale)
    {
        Analytic = analytic;
        Numeric = numeric.Value;
        NumericError = numeric.Error;
        Low = numeric.Low;
        High = numeric.High;
        IsKink = numeric.IsKink;
        Error = error;
        Bound = bound;
        Outcomes = outcomes;
        Rule = rule;
        TensorScale = tensorScale;
        CheckedCount = numeric.CheckedCount;
    }

    /// <summary>a, in double.</summary>
    public double[] Analytic { get; }

    /// <summary>n.</summary>
    public double[] Numeric { get; }

    /// <summary>e(n), the estimated error of n.</summary>
    public double[] NumericError { get; }

    /// <summary>The smallest one-sided derivative (NaN where none was computed).</summary>
    public double[] Low { get; }

    /// <summary>The largest one-sided derivative (NaN where none was computed).</summary>
    public double[] High { get; }

    /// <summary>Whether the cost has a kink at the entry.</summary>
    public bool[] IsKink { get; }

    /// <summary>|a - n|, or at a kink the distance of a from the one-sided derivatives' interval.</summary>
    public double[] Error { get; }

    /// <summary>The largest error the rule allows for the entry.</summary>
    public double[] Bound { get; }

    /// <summary>How each entry fared.</summary>
    public EntryOutcome[] Outcomes { get; }

    /// <summary>The rule the entries were held to.</summary>
    public ComparisonRule Rule { get; }

    /// <summary>The largest finite |n| in the tensor, which the automatic rule scales round-off by.</summary>
    public double TensorScale { get; }

    /// <summary>How many entries there are.</summary>
    public int Length => Analytic.Length;

    /// <summary>How many entries were differentiated: all of them, unless the check covered a sample or directions.</summary>
    public int CheckedCount { get; }

    /// <summary>Whether every entry was differentiated.</summary>
    public bool IsComplete => CheckedCount == Length;

    /// <summary>Whether the entry was differentiated.</summary>
    public bool IsChecked(int index) => Outcomes[index] != EntryOutcome.NotChecked;

    /// <summary>Whether the entry failed the rule (an entry not checked did not).</summary>
    public bool Failed(int index) => EntryReport.Fails(Outcomes[index]);

    /// <summary>The error relative to max(|a|, |n|), 0 when both are 0: the heat of one entry.</summary>
    public double RelativeError(int index)
    {
        double largest = Math.Max(Math.Abs(Analytic[index]), Math.Abs(Numeric[index]));
        return largest == 0 ? 0 : Error[index] / largest;
    }

    /// <summary>Whether the entry passed the rule.</summary>
    public bool Passed(int index) => EntryReport.Passes(Outcomes[index]);
}
