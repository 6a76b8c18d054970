using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// Says what kind of mistake each failing tensor's gradient looks like, from its analytic and
/// numerical entries alone. The patterns are tried from the most specific to the least, and each must
/// hold for every entry it speaks of, under the same bounds as the verdict (with
/// <see cref="EntryMatch.Slack"/>): not finite; at kinks only; a tensor the cost does not read (n 0,
/// or within its error of 0); zero; a constant factor (a sign flip, the batch size) that the entries
/// can tell from 1, or, under a stated rule, differences within n's own error; transposed; swapped
/// with another tensor; shifted by one; reversed; reversed, shifted or swapped along some axes of an
/// N-D tensor (<see cref="AxisPatterns"/>); whole rows; whole columns; isolated entries;
/// otherwise no simple pattern.
/// </summary>
internal static class GradientDiagnosis
{
    /// <summary>How close a fitted factor must be to -1, m or 1/m to be named as such (relative).</summary>
    public const double FactorResolution = 1e-3;

    /// <summary>
    /// |n| / |a| below which, in every entry, n is no multiple of a's value but the cost's rounding:
    /// a float difference resolves about 1e-5 of a derivative at best, a double one about 1e-10 of the
    /// cost's scale, and no bookkeeping mistake multiplies a gradient by a million.
    /// </summary>
    public const double NegligibleRatio = 1e-6;

    /// <summary>What a tensor whose numerical gradient is 0 or noise while a is not says about the cost.</summary>
    private const string DoesNotDepend =
        "the cost does not depend on this tensor here (a bias followed by a normalisation is the classic case: the normalisation cancels it, and its gradient is 0), or it reads a copy of it or another tensor";

    /// <summary>The tensors of one report, each failing one with its <see cref="TensorReport.Diagnosis"/>.</summary>
    /// <param name="tensors">The tensors of one report, not diagnosed; a swap is looked for among them.</param>
    /// <param name="batchSize">The batch size m, when known, to name a factor of m or 1/m.</param>
    /// <param name="noun">What the numerical values are, as in <c>the numerical gradient</c>.</param>
    /// <param name="elementType">The element type the function was evaluated in, such as <c>float</c>, which limits what the check resolves.</param>
    public static TensorReport[] DiagnoseFailedTensors(IReadOnlyList<TensorReport> tensors, int? batchSize, string noun, string elementType)
    {
        TensorReport[] diagnosed = [.. tensors.Select(tensor =>
            // A tensor none of whose entries could be decided has no failing entries to read a
            // pattern from; its report says that instead.
            tensor.Passed || tensor.NothingCheckable ? tensor : tensor.WithDiagnosis(DiagnoseFailed(tensor, tensors, batchSize, noun, elementType)))];
        return SharedDiagnosis.Apply(diagnosed, batchSize, noun);
    }

    /// <summary>A failing tensor's diagnosis; for a gradient given transposed, that first, then what its entries show read back.</summary>
    private static TensorDiagnosis DiagnoseFailed(TensorReport tensor, IReadOnlyList<TensorReport> all, int? batchSize, string noun, string elementType) =>
        tensor.TransposedGradient is { } given
            ? TransposedShape.Diagnose(tensor, given, tensor.FailedEntryCount > 0 ? Diagnose(tensor, all, batchSize, noun, elementType) : null, noun)
            : Diagnose(tensor, all, batchSize, noun, elementType);

    private static TensorDiagnosis Diagnose(TensorReport tensor, IReadOnlyList<TensorReport> all, int? batchSize, string noun, string elementType)
    {
        TensorEntries entries = tensor.Entries;
        if (tensor.FailedEntryCount == 0 && tensor.Taylor is { Passed: false, Degree: 2 } secondOrder)
        {
            // Every gradient entry differentiated is right: the Taylor test's R2 failed on the Hessian-vector product.
            return new TensorDiagnosis(
                BugKind.NotLocalised,
                string.Create(CultureInfo.InvariantCulture, $"the Hessian-vector product is wrong along a random direction (R2 shrinks as h^{secondOrder.ObservedOrder:0.00}), while the gradient is right: none of the {Wording.Count(tensor.CheckedEntryCount, "entry", "entries")} then differentiated one by one is wrong"));
        }

        if (!entries.IsComplete)
        {
            return DiagnoseSample(tensor, batchSize, noun, elementType);
        }

        IReadOnlyList<int> shape = tensor.Shape;
        return NotFinite(tensor)
            ?? AtKinks(tensor)
            ?? NotReadByCost(entries, noun)
            ?? Zero(entries, noun)
            ?? ConstantFactor(entries, batchSize, noun, elementType)
            ?? IndexPatterns.Transposed(entries, shape, noun)
            ?? SwappedWith(tensor, all, noun)
            ?? IndexPatterns.ShiftedByOne(entries, shape, noun)
            ?? IndexPatterns.Reversed(entries, shape, noun)
            ?? AxisPatterns.Find(entries, shape, noun)
            ?? RegionPatterns.WholeRows(entries, tensor.Name, shape)
            ?? RegionPatterns.WholeColumns(entries, tensor.Name, shape)
            ?? RegionPatterns.Isolated(entries, tensor.Name, shape)
            ?? UnwrittenEntries.Diagnose(entries, tensor.Name, shape, noun)
            ?? new TensorDiagnosis(
                BugKind.NoSimplePattern,
                $"no simple pattern ({tensor.FailedEntryCount} of {tensor.EntryCount} entries wrong; not one factor, a transpose, a swap, a shift or a reversal, nor whole rows, columns or a few entries)");
    }

    /// <summary>
    /// A check that differentiated some entries (a sample, or what a fast check localised) can say only
    /// what those show: a non-finite value, kinks, a tensor not read, zero, one factor over every checked
    /// entry; otherwise it lists the wrong entries it found. Patterns that compare an entry with another
    /// (transposes, shifts, swaps, rows) need both, and are not looked for.
    /// </summary>
    private static TensorDiagnosis DiagnoseSample(TensorReport tensor, int? batchSize, string noun, string elementType)
    {
        TensorEntries entries = tensor.Entries;
        if (tensor.FailedEntryCount == 0)
        {
            return NotLocalised(tensor, noun);
        }

        return NotFinite(tensor)
            ?? AtKinks(tensor)
            ?? NotReadByCost(entries, noun)
            ?? Zero(entries, noun)
            ?? ConstantFactor(entries, batchSize, noun, elementType)
            ?? WrongAmongChecked(tensor);
    }

    private static TensorDiagnosis NotLocalised(TensorReport tensor, string noun)
    {
        string along;
        if (tensor.Taylor is { Passed: false } taylor)
        {
            along = $"wrong along a random direction by the Taylor test ({taylor.Verdict})";
        }
        else
        {
            DirectionReport failed = tensor.Directions.First(direction => !direction.Passed);
            string[] values = DistinctDigits.Scientific([failed.Analytic, failed.Numeric], 3);
            along = failed.Outcome == EntryOutcome.NumericNotFinite
                ? "the cost is NaN or infinite along a random direction (a step out of the cost's domain?)"
                : $"wrong along a random direction (a · u = {values[0]}, the cost's derivative {values[1]})";
        }

        return new TensorDiagnosis(
            BugKind.NotLocalised,
            $"{along}, but none of the {Wording.Count(tensor.CheckedEntryCount, "entry", "entries")} then differentiated one by one is wrong: " +
            $"the error is spread thinly, or sits where the search did not reach; a full check of this tensor (Coverage = CheckCoverage.EveryEntry, Tensors = [\"{tensor.Name}\"]) compares every entry with the numerical {noun}");
    }

    /// <summary>The wrong entries a partial check found, when they share no factor: few among many checked (bisection's finds), or a scatter.</summary>
    private static TensorDiagnosis WrongAmongChecked(TensorReport tensor)
    {
        TensorEntries entries = tensor.Entries;
        int[] wrong = [.. entries.CheckedIndices.Where(index => EntryMatch.IsWrong(entries, index))];
        string[] labels = Labels(tensor, wrong);
        string[] described = [.. wrong.Select((index, i) => labels[i] + AnalyticAndNumeric(entries, index))];
        bool few = 2 * wrong.Length < entries.CheckedCount;
        string found = $"{Wording.Count(wrong.Length, "wrong entry", "wrong entries")} among {Wording.Count(entries.CheckedCount, "entry", "entries")} checked of {entries.Length}";
        return few
            ? new TensorDiagnosis(BugKind.IsolatedEntries, $"{found}, the others right: {Wording.List(described)}") { Locations = labels }
            : new TensorDiagnosis(BugKind.NoSimplePattern, $"no simple pattern ({found}; not one factor): {Wording.List(described)}") { Locations = labels };
    }

    /// <summary>Such as <c> (a = 1.234e-02, n = 1.233e-02)</c>, with more digits where three decimals would print a and n the same.</summary>
    private static string AnalyticAndNumeric(TensorEntries entries, int index)
    {
        string[] values = DistinctDigits.Scientific([entries.Analytic[index], entries.Numeric[index]], 3);
        return $" (a = {values[0]}, n = {values[1]})";
    }

    private static TensorDiagnosis? NotFinite(TensorReport tensor)
    {
        TensorEntries entries = tensor.Entries;
        int[] analytic = Where(entries, outcome => outcome == EntryOutcome.AnalyticNotFinite);
        int[] numeric = Where(entries, outcome => outcome == EntryOutcome.NumericNotFinite);
        if (analytic.Length == 0 && numeric.Length == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (analytic.Length > 0)
        {
            parts.Add($"a is NaN or infinite in {Wording.Count(analytic.Length, "entry", "entries")}: {Wording.List(Labels(tensor, analytic))}");
        }

        if (numeric.Length > 0)
        {
            parts.Add($"the cost is NaN or infinite when {Wording.Count(numeric.Length, "entry is", "entries are")} perturbed: {Wording.List(Labels(tensor, numeric))} (a step out of the cost's domain?)");
        }

        return new TensorDiagnosis(BugKind.NotFinite, "not finite: " + string.Join("; ", parts))
        {
            Locations = Labels(tensor, [.. analytic.Concat(numeric).Order()]),
        };
    }

    private static TensorDiagnosis? AtKinks(TensorReport tensor)
    {
        TensorEntries entries = tensor.Entries;
        int[] wrong = [.. entries.CheckedIndices.Where(index => EntryMatch.IsWrong(entries, index))];
        if (wrong.Length == 0 || !wrong.All(index => entries.IsKink[index]))
        {
            return null;
        }

        bool optionsFail = entries.Rule.KinksFail;
        string why = optionsFail ? "the options make kinks fail" : "a is outside the one-sided derivatives there";
        return new TensorDiagnosis(BugKind.AtKinks, $"wrong only at kinks of the cost ({why}): {Wording.List(Labels(tensor, wrong))}")
        {
            Locations = Labels(tensor, wrong),
        };
    }

    /// <summary>
    /// n is 0 in every entry, within its own error of 0 (the cost constant in the tensor by
    /// construction, up to round-off), or below <see cref="NegligibleRatio"/> of a everywhere, while a
    /// is not 0: a / n would be a ratio to noise, so no factor. A cost that does not depend on a tensor
    /// at this point (a bias followed by a normalisation, which subtracts it again) has a gradient of 0
    /// there; a cost that reads a copy of it never sees the check's perturbations.
    /// </summary>
    private static TensorDiagnosis? NotReadByCost(TensorEntries entries, string noun)
    {
        int[] considered = Considered(entries);
        if (considered.Length == 0 || considered.All(index => entries.Analytic[index] == 0))
        {
            return null;
        }

        if (considered.All(index => entries.Numeric[index] == 0))
        {
            return new TensorDiagnosis(BugKind.NotReadByCost, $"the numerical {noun} is 0 in {Wording.Every(entries)} but a is not: {DoesNotDepend}");
        }

        // Within its error of 0 everywhere, and a outside the automatic rule's bound somewhere (not noise as well).
        double epsilon = entries.Rule.MachineEpsilon;
        bool numericIsNoise = considered.All(index => Math.Abs(entries.Numeric[index]) <= GradientTolerance.ErrorEstimateFactor * entries.NumericError[index]);
        bool analyticIsNot = considered.Any(index => Math.Abs(entries.Analytic[index]) >
            GradientTolerance.Automatic.Bound(Math.Abs(entries.Analytic[index]), entries.NumericError[index], entries.TensorScale, epsilon));
        if (numericIsNoise && analyticIsNot)
        {
            return new TensorDiagnosis(
                BugKind.NotReadByCost,
                string.Create(CultureInfo.InvariantCulture, $"the numerical {noun} is 0 within its own error in {Wording.Every(entries)} (largest |n| = {entries.TensorScale:0.00e+00}) but a is not: {DoesNotDepend}"));
        }

        // n far below a in every entry (below a's largest where a is 0), even where its error estimate
        // is smaller still: a factor of a million is no bookkeeping mistake, and n is what is left of
        // the cost's rounding. Entry by entry, so that one huge wrong entry is not read as this.
        double largestAnalytic = considered.Max(index => Math.Abs(entries.Analytic[index]));
        if (considered.All(index => Math.Abs(entries.Numeric[index]) <= NegligibleRatio * (entries.Analytic[index] != 0 ? Math.Abs(entries.Analytic[index]) : largestAnalytic)))
        {
            return new TensorDiagnosis(
                BugKind.NotReadByCost,
                string.Create(CultureInfo.InvariantCulture, $"the numerical {noun} is below {NegligibleRatio:0e+00} of a in {Wording.Every(entries)} (largest |n| = {entries.TensorScale:0.00e+00}, largest |a| = {largestAnalytic:0.00e+00}), so no factor: {DoesNotDepend}"));
        }

        return null;
    }

    private static TensorDiagnosis? Zero(TensorEntries entries, string noun)
    {
        int[] considered = Considered(entries);
        if (considered.Length == 0 || !considered.All(index => entries.Analytic[index] == 0))
        {
            return null;
        }

        return new TensorDiagnosis(
            BugKind.Zero,
            string.Create(CultureInfo.InvariantCulture, $"{Wording.Every(entries)} is 0 while the numerical {noun} is not (largest |n| = {entries.TensorScale:0.00e+00}): a gradient never written, or reset after the backward pass"));
    }

    /// <summary>
    /// One factor over every entry (a sign flip, the batch size), named only when the entries can tell
    /// it from 1 and n is well above its error (<see cref="FactorFit.IsResolved"/>). A factor they cannot
    /// tell from 1 is no mistake: under a stated rule, the rule is tighter than the check resolves.
    /// </summary>
    private static TensorDiagnosis? ConstantFactor(TensorEntries entries, int? batchSize, string noun, string elementType)
    {
        int[] considered = Considered(entries);
        double factor = FactorFit.Fit(entries, considered);
        if (!FactorFit.Holds(entries, considered, factor))
        {
            return null;
        }

        double resolution = FactorFit.Resolution(entries, considered);
        if (Math.Abs(factor - 1) <= resolution)
        {
            return WithinNumericalError(entries, resolution, noun, elementType);
        }

        if (!FactorFit.IsResolved(entries, considered, factor))
        {
            return null;
        }

        string every = $"{Wording.Every(entries)} is {Wording.Factor(factor)}x the numerical {noun}";
        if (Math.Abs(factor + 1) <= FactorResolution)
        {
            return new TensorDiagnosis(BugKind.SignFlipped, $"sign flipped: {every}") { Factor = factor };
        }

        if (batchSize is int m and > 1)
        {
            if (Math.Abs((factor / m) - 1) <= FactorResolution)
            {
                every += string.Create(CultureInfo.InvariantCulture, $": m, the batch size ({m}): is the 1/m of a mean left out?");
            }
            else if (Math.Abs((factor * m) - 1) <= FactorResolution)
            {
                every += string.Create(CultureInfo.InvariantCulture, $": 1/m, with m = {m} the batch size: is it divided by m twice?");
            }
        }

        return new TensorDiagnosis(BugKind.ConstantFactor, every) { Factor = factor };
    }

    /// <summary>
    /// Under a stated rule (<c>Within</c>), entries whose differences from n are within n's own error:
    /// the rule asks for more than the check can resolve, about <paramref name="resolution"/> relative
    /// here. Under the automatic rule such a tensor is no factor either, and the other patterns are tried.
    /// </summary>
    private static TensorDiagnosis? WithinNumericalError(TensorEntries entries, double resolution, string noun, string elementType)
    {
        GradientTolerance tolerance = entries.Rule.Tolerance;
        if (tolerance.IsAutomatic)
        {
            return null;
        }

        string stated = tolerance.Absolute == tolerance.Relative
            ? string.Create(CultureInfo.InvariantCulture, $"Within({tolerance.Absolute:0.##e+00})")
            : string.Create(CultureInfo.InvariantCulture, $"Within({tolerance.Absolute:0.##e+00}, {tolerance.Relative:0.##e+00})");
        return new TensorDiagnosis(
            BugKind.WithinNumericalError,
            string.Create(CultureInfo.InvariantCulture, $"the differences are within the numerical {noun}'s own error (about {resolution:0e+00} relative here, in {elementType}): the stated {stated} is tighter than the check can resolve; loosen it or use the automatic rule"));
    }

    /// <summary>
    /// a holds another tensor's numerical gradient (same number of entries, compared in row-major
    /// order): two results stored into each other's buffers. Only tensors in the same report can be
    /// compared; a check of selected tensors cannot see a swap with one it did not differentiate.
    /// </summary>
    private static TensorDiagnosis? SwappedWith(TensorReport tensor, IReadOnlyList<TensorReport> all, string noun)
    {
        TensorEntries entries = tensor.Entries;
        foreach (TensorReport other in all)
        {
            if (ReferenceEquals(other, tensor) || other.EntryCount != tensor.EntryCount || !Holds(entries, other.Entries))
            {
                continue;
            }

            string shape = Shapes.Equal([.. other.Shape], [.. tensor.Shape]) ? string.Empty : " (of another shape, entries compared in row-major order)";
            string reciprocal = Holds(other.Entries, entries) ? $", and {other.Name} holds this tensor's" : string.Empty;
            return new TensorDiagnosis(BugKind.SwappedWithTensor, $"swapped with {other.Name}: it holds {other.Name}'s numerical {noun}{shape}{reciprocal}")
            {
                OtherTensor = other.Name,
            };
        }

        return null;
    }

    /// <summary>Whether every finite entry of <paramref name="entries"/> equals the other tensor's n at the same index.</summary>
    private static bool Holds(TensorEntries entries, TensorEntries other) =>
        EntryMatch.Fit(entries, entries.CheckedIndices, other, index => index, factor: 1) is { Holds: true, Compared: > 0 };

    private static int[] Considered(TensorEntries entries) =>
        [.. entries.CheckedIndices.Where(index => EntryMatch.IsFinite(entries, index))];

    private static int[] Where(TensorEntries entries, Func<EntryOutcome, bool> predicate) =>
        [.. entries.CheckedIndices.Where(index => predicate(entries.Outcomes[index]))];

    private static string[] Labels(TensorReport tensor, int[] indices)
    {
        int[] shape = [.. tensor.Shape];
        return [.. indices.Select(index => Shapes.EntryLabel(tensor.Name, index, shape))];
    }
}
