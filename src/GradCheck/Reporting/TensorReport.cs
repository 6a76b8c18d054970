using GradCheck.Comparison;
using GradCheck.Diagnosis;
using GradCheck.Parameters;

namespace GradCheck.Reporting;

/// <summary>
/// The comparison of one parameter tensor's analytic and numerical gradients: counts, the worst
/// entries, the kinks, a diagnosis when it fails, and every entry for a closer look.
/// </summary>
public sealed class TensorReport
{
    /// <summary><see cref="Analytic"/> and <see cref="Numeric"/>, once read.</summary>
    private double[]? analyticEveryEntry;

    /// <inheritdoc cref="analyticEveryEntry"/>
    private double[]? numericEveryEntry;

    internal TensorReport(
        string name,
        int[] shape,
        int failedEntryCount,
        IReadOnlyList<EntryReport> worstEntries,
        double analyticNorm,
        double numericNorm,
        double differenceNorm,
        TensorEntries entries)
    {
        Name = name;
        Shape = shape;
        FailedEntryCount = failedEntryCount;
        WorstEntries = worstEntries;
        AnalyticNorm = analyticNorm;
        NumericNorm = numericNorm;
        DifferenceNorm = differenceNorm;
        Entries = entries;
    }

    /// <summary>The parameter's name, such as <c>W1</c>.</summary>
    public string Name { get; }

    /// <summary>The parameter's shape, outermost dimension first.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>How many entries the tensor has.</summary>
    public int EntryCount => Entries.Length;

    /// <summary>
    /// How many entries were differentiated and compared: all of them in a full check, fewer when the
    /// coverage was a sample or random directions (<see cref="CheckCoverage"/>).
    /// </summary>
    public int CheckedEntryCount => Entries.CheckedCount;

    /// <summary>The random directions the tensor was checked along, in a fast check; empty otherwise.</summary>
    public IReadOnlyList<DirectionReport> Directions { get; internal init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>The Taylor-remainder test of the tensor, in a Taylor check (<see cref="CheckCoverage.TaylorRemainder"/>); null otherwise.</summary>
    public TaylorReport? Taylor { get; internal init; }

    /// <summary>How many entries fail the rule, non-finite ones included.</summary>
    public int FailedEntryCount { get; }

    /// <summary>The entries furthest outside (or closest to) their bound, worst first.</summary>
    public IReadOnlyList<EntryReport> WorstEntries { get; }

    /// <summary>||a||₂ over the tensor.</summary>
    public double AnalyticNorm { get; }

    /// <summary>||n||₂ over the tensor.</summary>
    public double NumericNorm { get; }

    /// <summary>||a - n||₂ over the tensor.</summary>
    public double DifferenceNorm { get; }

    /// <summary>
    /// How many entries sit on a kink of the cost (passing or not), where their verdict was made: an entry
    /// re-checked at a point nudged off the ties counts only if it sits on a kink there too.
    /// </summary>
    public int KinkCount { get; internal init; }

    /// <summary>
    /// How many entries could not be checked: a kink where a lies outside the one-sided derivatives,
    /// which kinks meeting there allow (<see cref="EntryOutcome.NotCheckable"/>), at the given point and,
    /// where the check re-checked them (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>), at the
    /// points nudged off the ties too. They are among <see cref="Kinks"/>.
    /// </summary>
    public int NotCheckableCount { get; internal init; }

    /// <summary>
    /// The smallest relative error of the whole tensor this check was sure to see (a = (1 + r) times the
    /// true derivative fails once r exceeds it), from the bounds and error estimates of its entries; NaN where no entry has a non-zero smooth n.
    /// Above <see cref="ResolutionTarget"/>, a passing tensor says so (<see cref="Unresolved"/>).
    /// </summary>
    public double Resolution { get; internal init; } = double.NaN;

    /// <summary>The relative error every check should see in a tensor: 1%.</summary>
    public const double ResolutionTarget = 0.01;

    /// <summary>
    /// Whether a 1% error in every entry of this tensor would not have failed it: its gradient is too
    /// small against the noise of the cost (float, a tensor whose derivatives are a few 1e-3 of |J|), or
    /// the stated tolerance is looser than 1%.
    /// </summary>
    public bool Unresolved => Resolution > ResolutionTarget;

    /// <summary>Whether entries were checked and not one of them could be decided: every one sits where kinks may meet.</summary>
    public bool NothingCheckable => NotCheckableCount > 0 && NotCheckableCount == CheckedEntryCount;

    /// <summary>The first kink entries, in index order, for the report.</summary>
    public IReadOnlyList<EntryReport> Kinks { get; internal init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>
    /// How many entries were not checkable at the given point and were re-checked at a point nudged off
    /// the ties (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>): their values and verdicts are
    /// those of the nudged point.
    /// </summary>
    internal int NudgedCount => Entries.NudgedCount;

    /// <summary>
    /// The gradient, when it was given in the parameter's transposed shape: its entries were checked
    /// transposed back, and the tensor fails whatever they show. Null when the shapes agree.
    /// </summary>
    internal TransposedGradient? TransposedGradient { get; private init; }

    /// <summary>What kind of mistake the failing entries look like; null when the tensor passed.</summary>
    public TensorDiagnosis? Diagnosis { get; private init; }

    /// <summary>The same report with its diagnosis: a new report, so that a report never changes once built.</summary>
    /// <param name="diagnosis">What kind of mistake the failing entries look like.</param>
    internal TensorReport WithDiagnosis(TensorDiagnosis diagnosis) => Copy(TransposedGradient, diagnosis);

    /// <summary>The same report, for a gradient given in the transposed shape (<see cref="TransposedGradient"/>), undiagnosed.</summary>
    /// <param name="given">The gradient as given.</param>
    internal TensorReport WithTransposedGradient(TransposedGradient given) => Copy(given, diagnosis: null);

    /// <summary>A copy of every field but the two that are set after the comparison: the one place a new field must be added to be kept.</summary>
    private TensorReport Copy(TransposedGradient? transposed, TensorDiagnosis? diagnosis) =>
        new(Name, [.. Shape], FailedEntryCount, WorstEntries, AnalyticNorm, NumericNorm, DifferenceNorm, Entries)
        {
            Directions = Directions,
            Taylor = Taylor,
            KinkCount = KinkCount,
            NotCheckableCount = NotCheckableCount,
            Resolution = Resolution,
            Kinks = Kinks,
            TransposedGradient = transposed,
            Diagnosis = diagnosis,
        };

    /// <summary>
    /// The analytic gradient a, every entry in row-major order, in double; an entry re-checked at a point
    /// nudged off the ties holds a there, as its verdict does. A check of a sample or along random
    /// directions keeps the entries it differentiated alone, and the others read NaN here; the array is
    /// built on first read (<see cref="EntryCount"/> doubles), so that a report of 16 entries of a large
    /// tensor holds 16, and <see cref="Entry"/> or <see cref="WorstEntries"/> read them without it.
    /// </summary>
    public ReadOnlyMemory<double> Analytic => analyticEveryEntry ??= Entries.Analytic.ToArray(EntryCount);

    /// <summary>
    /// The numerical gradient n, every entry in row-major order; at the nudged point for an entry re-checked
    /// there; NaN at an entry not differentiated. Built on first read, as <see cref="Analytic"/> is.
    /// </summary>
    public ReadOnlyMemory<double> Numeric => numericEveryEntry ??= Entries.Numeric.ToArray(EntryCount);

    /// <summary>
    /// Whether every entry checked, every direction and the Taylor test passed. Entries that could not be checked
    /// (<see cref="NotCheckableCount"/>) neither pass nor fail, but a tensor none of whose entries could
    /// be decided does not pass, nor does one whose gradient was given in its transposed shape.
    /// </summary>
    public bool Passed => FailedEntryCount == 0 && !NothingCheckable && Directions.All(direction => direction.Passed) && (Taylor?.Passed ?? true) && TransposedGradient is null;

    /// <summary>
    /// The relative difference ||a - n|| / (||a|| + ||n||) of this tensor's analytic gradient a and numerical
    /// gradient n: the single figure of the usual gradient-check recipe, for this tensor alone; the verdict
    /// does not depend on it (0 when both gradients are 0).
    /// </summary>
    public double RelativeDifference => ScaledNorm.RelativeDifference(DifferenceNorm, AnalyticNorm, NumericNorm);

    /// <summary>Every entry, for a diagnosis or a picture.</summary>
    internal TensorEntries Entries { get; }

    /// <summary>Any entry of the tensor, with both gradients, its error, bound and outcome.</summary>
    /// <param name="flatIndex">The row-major position of the entry, from 0 to <see cref="EntryCount"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the tensor.</exception>
    public EntryReport Entry(int flatIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(flatIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(flatIndex, EntryCount);
        return EntryOf(Name, [.. Shape], Entries, flatIndex);
    }

    /// <summary>The tensor's name, shape and count of failing entries, such as <c>W1 (5, 4): 3 of 20 entries fail</c>.</summary>
    public override string ToString() => CheckedEntryCount == EntryCount
        ? $"{Name} {Shapes.Format([.. Shape])}: {FailedEntryCount} of {EntryCount} entries fail"
        : $"{Name} {Shapes.Format([.. Shape])}: {FailedEntryCount} of {CheckedEntryCount} checked entries fail ({EntryCount} entries)";

    internal static EntryReport EntryOf(string name, int[] shape, TensorEntries entries, int index) =>
        new(Shapes.EntryLabel(name, index, shape), index, entries.Analytic[index], entries.Numeric[index], entries.Error[index], entries.RelativeError(index), entries.Bound[index], entries.Outcomes[index])
        {
            OneSidedLow = entries.Low[index],
            OneSidedHigh = entries.High[index],
            NudgedPoint = entries.NudgedPoint(index),
        };
}
