using System.Globalization;
using System.Text;
using GradCheck.Coverage;
using GradCheck.Parameters;

namespace GradCheck.Reporting;

/// <summary>
/// Writes a <see cref="GradientCheckReport"/> as text: verdict first, then per failing tensor a table
/// of its worst entries, then the figures and rules needed to reproduce the check. Passing tensors are
/// named on one line, so the message of a model with 61k parameters still fits on a screen.
/// </summary>
internal static class ReportFormatter
{
    /// <summary>The decimals of a and n in a table of entries, when fewer would not print them the same.</summary>
    private const int ValueDecimals = 7;

    /// <summary>The width of a and n in a table of entries with <see cref="ValueDecimals"/> decimals, such as <c>-1.4381174e-01</c>.</summary>
    private const int ValueWidth = 14;

    /// <summary>The significant digits of a and the one-sided derivatives at a kink, when fewer would not print them the same.</summary>
    private const int ShortDigits = 4;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Summary(GradientCheckReport report)
    {
        if (report.Obstacles.Count > 0)
        {
            return string.Join("; ", report.Obstacles.Select(obstacle => obstacle.Message));
        }

        if (IsOneMatrix(report))
        {
            return MatrixSummary(report.Tensors[0]);
        }

        TensorReport[] failed = [.. report.FailedTensors];
        if (failed.Length == 0)
        {
            return string.Create(Invariant, $"all {report.Tensors.Count} tensors within tolerance ({EntriesChecked(report)}){NudgedNote(report)}{NotCheckableNote(report)}{UnresolvedNote(report)}");
        }

        string tensors = string.Join(", ", failed.Select(tensor => string.Create(Invariant, $"{tensor.Name} ({(tensor.NothingCheckable ? NothingCheckable : FailedOfChecked(tensor))})")));
        return string.Create(Invariant, $"{failed.Length} of {report.Tensors.Count} tensors outside tolerance: {tensors}");
    }

    public static string Format(GradientCheckReport report)
    {
        var text = new StringBuilder();
        WriteVerdict(text, report);
        foreach (TensorReport tensor in report.FailedTensors)
        {
            WriteFailedTensor(text, tensor, report.Subject);
        }

        WriteKinks(text, report);
        WriteRecheck(text, report);
        WriteUnresolved(text, report);
        TensorReport[] passed = [.. report.Tensors.Where(tensor => tensor.Passed)];
        if (passed.Length > 0 && passed.Length < report.Tensors.Count)
        {
            text.Append("Within tolerance: ").AppendJoin(", ", passed.Select(tensor => tensor.Name + " " + Shapes.Format([.. tensor.Shape]))).AppendLine();
        }

        WriteFigures(text, report);
        return text.ToString();
    }

    /// <summary>The report's first line, its verdict, such as <c>Gradient check passed: ...</c>.</summary>
    public static string VerdictLine(GradientCheckReport report)
    {
        var text = new StringBuilder();
        WriteVerdict(text, report);
        string written = text.ToString();
        int end = written.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        return end < 0 ? written : written[..end];
    }

    /// <summary>The options line, such as <c>Options: new GradientCheckOptions { ... }</c>, with which a check can be repeated.</summary>
    public static string OptionsLine(GradientCheckReport report) => "Options: " + OptionsText.Code(report.Options);

    private static void WriteVerdict(StringBuilder text, GradientCheckReport report)
    {
        if (report.Obstacles.Count > 0)
        {
            text.AppendLine(Invariant, $"{report.Subject.Name} check failed:");
            foreach (CheckObstacle obstacle in report.Obstacles)
            {
                text.Append("  ").AppendLine(obstacle.Message);
            }

            return;
        }

        int entries = report.Tensors.Sum(tensor => tensor.EntryCount);
        int failedTensors = report.FailedTensors.Count();
        if (IsOneMatrix(report))
        {
            text.AppendLine(Invariant, $"{report.Subject.Name} check {(failedTensors == 0 ? "passed" : "failed")}: {MatrixSummary(report.Tensors[0])}.");
        }
        else if (failedTensors == 0 && IsComplete(report))
        {
            text.AppendLine(Invariant, $"{report.Subject.Name} check passed: {Count(report.Tensors.Count, "tensor")}, {Count(entries, "entry", "entries")} within tolerance.");
        }
        else if (failedTensors == 0)
        {
            text.AppendLine(Invariant, $"{report.Subject.Name} check passed: {Count(report.Tensors.Count, "tensor")} within tolerance ({EntriesChecked(report)}).");
        }
        else if (IsComplete(report))
        {
            int failedEntries = report.Tensors.Sum(tensor => tensor.FailedEntryCount);
            string[] transposed = [.. report.Tensors.Where(tensor => tensor.TransposedGradient is not null).Select(tensor => tensor.Name)];
            text.AppendLine(transposed.Length == 0
                ? string.Create(Invariant, $"{report.Subject.Name} check failed: {failedTensors} of {report.Tensors.Count} tensors have entries outside tolerance ({failedEntries} of {entries} entries).")
                : string.Create(Invariant, $"{report.Subject.Name} check failed: {failedTensors} of {report.Tensors.Count} tensors fail ({string.Join(", ", transposed)} given in the transposed shape; {failedEntries} of {entries} entries outside tolerance)."));
        }
        else
        {
            text.AppendLine(Invariant, $"{report.Subject.Name} check failed: {failedTensors} of {report.Tensors.Count} tensors outside tolerance ({EntriesChecked(report)}).");
        }

        if (report.Subject.Heading is { } heading)
        {
            text.AppendLine(heading);
        }

        WriteDiagnoses(text, report);
    }

    /// <summary>
    /// One line per diagnosis, under the verdict: what kind of mistake each failing tensor looks like.
    /// Tensors with the same diagnosis share its line (a mean's 1/m left out shows in every tensor).
    /// </summary>
    private static void WriteDiagnoses(StringBuilder text, GradientCheckReport report)
    {
        IEnumerable<IGrouping<string, TensorReport>> groups = report.FailedTensors
            .Where(tensor => tensor.Diagnosis is not null)
            .GroupBy(tensor => tensor.Diagnosis!.Description, StringComparer.Ordinal);
        foreach (IGrouping<string, TensorReport> group in groups)
        {
            text.Append("  ").AppendJoin(", ", group.Select(tensor => tensor.Name)).Append(": ").AppendLine(group.Key);
        }
    }

    /// <summary>What a tensor none of whose entries could be decided says instead of a count of failures.</summary>
    private const string NothingCheckable = "nothing could be checked: every entry sits on a kink where kinks may meet; move the point";

    /// <summary>
    /// Such as <c>; b1 resolved only to 3% (a 1% error there would not show at float precision)</c>, or
    /// nothing when every tensor resolves 1%: a pass of a tensor the check could not see is never silent.
    /// </summary>
    private static string UnresolvedNote(GradientCheckReport report)
    {
        TensorReport[] unresolved = [.. report.Tensors.Where(tensor => tensor.Unresolved)];
        if (unresolved.Length == 0)
        {
            return string.Empty;
        }

        string tensors = string.Join(", ", unresolved.Select(tensor => string.Create(Invariant, $"{tensor.Name} to {Percent(tensor.Resolution)}")));
        return string.Create(Invariant, $"; resolved only {tensors} (a 1% error there would not show at {report.Method.ElementType} precision{(report.Options.Tolerance.IsAutomatic ? string.Empty : " under the stated tolerance")})");
    }

    /// <summary>A relative figure as a percentage with two significant digits, such as <c>3.2%</c> or <c>150%</c>.</summary>
    private static string Percent(double relative) => (relative * 100).ToString(relative >= 0.1 ? "0" : "0.#", Invariant) + "%";

    /// <summary>Such as <c>; 3 entries re-checked at a point nudged off the ties</c>, or nothing when none was.</summary>
    private static string NudgedNote(GradientCheckReport report)
    {
        int count = report.Tensors.Sum(tensor => tensor.NudgedCount);
        return count == 0 ? string.Empty : string.Create(Invariant, $"; {Count(count, "entry", "entries")} re-checked at a point nudged off the ties");
    }

    /// <summary>Such as <c>; 3 entries not checkable where kinks may meet</c>, or nothing when every entry was decided.</summary>
    private static string NotCheckableNote(GradientCheckReport report)
    {
        int count = report.Tensors.Sum(tensor => tensor.NotCheckableCount);
        return count == 0 ? string.Empty : string.Create(Invariant, $"; {Count(count, "entry", "entries")} not checkable where kinks may meet");
    }

    private static void WriteFailedTensor(StringBuilder text, TensorReport tensor, CheckSubject subject)
    {
        if (tensor.NothingCheckable)
        {
            string nudged = tensor.NudgedCount > 0
                ? "(nor at the points nudged off the ties: try another NudgeSeed)"
                : "(at a point nudged off the ties each entry can be checked)";
            text.AppendLine(Invariant, $"{tensor.Name} {Shapes.Format([.. tensor.Shape])}: {NothingCheckable} {nudged}");
            return;
        }

        string relative = tensor.CheckedEntryCount == 0 ? string.Empty : $", ||a - n|| / (||a|| + ||n||) = {Scientific(tensor.RelativeDifference, 3)}";
        text.AppendLine(Invariant, $"{tensor.Name} {Shapes.Format([.. tensor.Shape])}: {FailedOfChecked(tensor)} outside tolerance{relative}");
        foreach (DirectionReport direction in tensor.Directions.Where(direction => !direction.Passed))
        {
            string[] values = DistinctDigits.Scientific([direction.Analytic, direction.Numeric], 6);
            text.AppendLine(Invariant, $"  along a random direction u: a · u = {values[0]}, the cost's derivative n = {values[1]}, |a · u - n| = {Scientific(direction.AbsoluteError, 2)} > bound {Scientific(direction.Bound, 2)}");
        }

        if (tensor.Taylor is { Passed: false } taylor)
        {
            TaylorText.Write(text, taylor);
        }

        EntryReport[] shown = [.. tensor.WorstEntries.Where(entry => entry.Failed)];
        if (shown.Length == 0)
        {
            return;
        }

        int labelWidth = Math.Max("entry".Length, shown.Max(entry => entry.Label.Length));

        // a and n with the decimals that tell them apart in every row, the same in the whole column.
        int decimals = shown.Max(entry => DistinctDigits.ScientificDecimals([entry.Analytic, entry.Numeric], ValueDecimals));
        int valueWidth = decimals + ValueWidth - ValueDecimals;
        text.Append("  ").Append("entry".PadRight(labelWidth))
            .Append("  ").Append("analytic (a)".PadRight(valueWidth + 1))
            .Append("  ").Append("numeric (n)".PadRight(valueWidth + 1))
            .AppendLine("    |a - n|   rel err     bound");
        foreach (EntryReport entry in shown)
        {
            text.Append("  ").Append(entry.Label.PadRight(labelWidth))
                .Append("  ").Append(Value(entry.Analytic, decimals, valueWidth))
                .Append("  ").Append(Value(entry.Numeric, decimals, valueWidth))
                .Append("  ").Append(Error(entry.AbsoluteError))
                .Append("  ").Append(Error(entry.RelativeError))
                .Append("  ").Append(Error(entry.Bound));
            string note = entry.Outcome switch
            {
                EntryOutcome.AnalyticNotFinite => $"  analytic {subject.Noun} not finite",
                EntryOutcome.NumericNotFinite => $"  {subject.Function} not finite at a perturbed point",
                EntryOutcome.NotCheckable => $"  not checkable: a kink, and a is outside the one-sided derivatives {Interval(entry)}",
                EntryOutcome.KinkNotAllowed => $"  kink (the options make kinks fail): one-sided derivatives {Interval(entry)}",
                _ => string.Empty,
            };
            text.Append(note).AppendLine(entry.NudgedPoint > 0 ? "  " + AtNudgedPoint(entry) : string.Empty);
        }

        int notShown = tensor.FailedEntryCount - shown.Length;
        if (notShown > 0)
        {
            text.AppendLine(Invariant, $"  ... and {notShown} more of {tensor.CheckedEntryCount} {(tensor.CheckedEntryCount == tensor.EntryCount ? string.Empty : "checked ")}entries outside tolerance");
        }
    }

    /// <summary>Such as <c>3 of 20 entries</c>, or after a partial check <c>3 of 8 checked entries (of 25)</c>.</summary>
    /// A gradient given in the transposed shape says so first: <c>given as (2, 3); read transposed back, 0 of 6 entries</c>.
    private static string FailedOfChecked(TensorReport tensor) => tensor.TransposedGradient is { } transposed
        ? string.Create(Invariant, $"given as {Shapes.Format(transposed.GradientShape)}; read transposed back, {FailedOfCheckedEntries(tensor)}")
        : FailedOfCheckedEntries(tensor);

    private static string FailedOfCheckedEntries(TensorReport tensor) => tensor.CheckedEntryCount == tensor.EntryCount
        ? string.Create(Invariant, $"{tensor.FailedEntryCount} of {tensor.EntryCount} entries")
        : string.Create(Invariant, $"{tensor.FailedEntryCount} of {tensor.CheckedEntryCount} checked entries (of {tensor.EntryCount})");

    /// <summary>Such as <c>61481 entries</c>, or after a partial check <c>13 of 61481 entries checked one by one</c>.</summary>
    private static string EntriesChecked(GradientCheckReport report)
    {
        int entries = report.Tensors.Sum(tensor => tensor.EntryCount);
        int checkedEntries = report.Tensors.Sum(tensor => tensor.CheckedEntryCount);
        string along = report.Options.Coverage.Kind switch
        {
            CoverageKind.RandomDirections => string.Create(Invariant, $"along {Count(report.Options.Coverage.Count, "random direction")} per tensor; "),
            CoverageKind.TaylorRemainder => "by the Taylor test along a random direction per tensor; ",
            _ => string.Empty,
        };
        return checkedEntries == entries && along.Length == 0
            ? Count(entries, "entry", "entries")
            : string.Create(Invariant, $"{along}{checkedEntries} of {Count(entries, "entry", "entries")} checked one by one");
    }

    private static bool IsComplete(GradientCheckReport report) =>
        report.Options.Coverage.Kind == CoverageKind.EveryEntry || report.Subject != CheckSubject.Gradient;

    /// <summary>
    /// The lines that say how the check was made, each said once: the notes, the options as code on a
    /// line of their own (to be pasted), the coverage, the rule, the method in one line (its full
    /// account is the README's), and last what the check measured and spent: the cost, the
    /// evaluations and the whole-gradient figure, on one line.
    /// </summary>
    private static void WriteFigures(StringBuilder text, GradientCheckReport report)
    {
        foreach (string note in report.Notes)
        {
            text.AppendLine(note);
        }

        text.AppendLine(OptionsLine(report));
        WriteCoverage(text, report);
        text.Append("Rule: ").Append(report.Tolerance).AppendLine("; NaN or infinity fails; a = analytic (backprop), n = numerical");
        text.Append("Numerical ").Append(report.Subject.Noun).Append(": ").Append(report.Subject.Method ?? report.Method.ToString()).AppendLine();
        if (report.Subject == CheckSubject.Gradient)
        {
            string whole = report.Tensors.Count > 1
                ? $"; whole gradient ||a - n|| / (||a|| + ||n||) = {Scientific(report.RelativeDifference, 3)} (reported, not the verdict)"
                : string.Empty;
            text.AppendLine(Invariant, $"Cost J = {Scientific(report.Cost, 8)} at the given parameters; {report.CostEvaluations} evaluations of J{whole}");
        }
        else
        {
            string where = report.Subject.Evaluations is { } evaluations ? ": " + evaluations : string.Empty;
            text.AppendLine(Invariant, $"{report.CostEvaluations} evaluations of {report.Subject.Function}{where}");
        }
    }

    /// <summary>What a partial check left out, so that a pass is read for what it is.</summary>
    private static void WriteCoverage(StringBuilder text, GradientCheckReport report)
    {
        CheckCoverage coverage = report.Options.Coverage;
        if (coverage.Kind == CoverageKind.RandomDirections)
        {
            text.AppendLine(Invariant, $"Coverage: {Count(coverage.Count, "seeded random direction")} per tensor (seed {coverage.Seed}), a failing tensor then localised in up to {Count(coverage.EntriesLocalised, "entry", "entries")}; a direction can miss a wrong gradient (see CheckCoverage)");
        }
        else if (coverage.Kind == CoverageKind.TaylorRemainder)
        {
            string remainder = report.Tensors.Any(tensor => tensor.Taylor is { Degree: 2 })
                ? string.Create(Invariant, $"R2(h) = |J(x + h u) - J(x) - h a · u - h^2/2 u · H u| must shrink as h^3 where it stands {TaylorReport.FitFactor:0} times above the measured noise (order at least {TaylorReport.PassingOrder + 1:0.00})")
                : string.Create(Invariant, $"R1(h) = |J(x + h u) - J(x) - h a · u| must shrink as h^2 where it stands {TaylorReport.FitFactor:0} times above the measured noise (order at least {TaylorReport.PassingOrder:0.00})");
            text.AppendLine(Invariant, $"Coverage: the Taylor-remainder test along a seeded random direction per tensor (seed {coverage.Seed}): {remainder}; a failing tensor is then localised in up to {Count(coverage.EntriesLocalised, "entry", "entries")}");
        }
        else if (coverage.Kind == CoverageKind.SampledEntries)
        {
            text.AppendLine(Invariant, $"Coverage: {Count(coverage.Count, "seeded random entry", "seeded random entries")} per tensor (seed {coverage.Seed}); the other entries were not checked");
        }
    }

    private static void WriteKinks(StringBuilder text, GradientCheckReport report)
    {
        TensorReport[] withKinks = [.. report.Tensors.Where(tensor => tensor.KinkCount > 0)];
        if (withKinks.Length == 0)
        {
            return;
        }

        text.AppendLine(Invariant, $"Kinks: {withKinks.Sum(tensor => tensor.KinkCount)} entries where the cost is not differentiable within the stencil (one-sided derivatives differ); a value between them is accepted as a subgradient; a value outside them is not checkable here, because kinks may meet there (the backward pass's value can then lie outside both):");
        foreach (TensorReport tensor in withKinks)
        {
            string shown = string.Join(", ", tensor.Kinks.Select(entry => string.Create(Invariant, $"{entry.Label} a = {KinkValues(entry)[0]} {(entry.Outcome == EntryOutcome.NotCheckable ? "outside" : "in")} {Interval(entry)}{(entry.Outcome == EntryOutcome.NotCheckable ? " NOT CHECKABLE" : entry.Passed ? string.Empty : " FAILS")}{(entry.NudgedPoint > 0 ? " " + AtNudgedPoint(entry) : string.Empty)}")));
            string more = tensor.KinkCount > tensor.Kinks.Count ? string.Create(Invariant, $", ... {tensor.KinkCount - tensor.Kinks.Count} more") : string.Empty;
            text.AppendLine(Invariant, $"  {tensor.Name}: {tensor.KinkCount} at kinks: {shown}{more}");
        }
    }

    /// <summary>One line per passing tensor a 1% error would not have failed, with what it was resolved to.</summary>
    private static void WriteUnresolved(StringBuilder text, GradientCheckReport report)
    {
        foreach (TensorReport tensor in report.Tensors.Where(tensor => tensor.Passed && tensor.Unresolved))
        {
            string why = report.Options.Tolerance.IsAutomatic
                ? $"its derivatives are small against the noise of the cost at {report.Method.ElementType} precision"
                : "the stated tolerance allows it";
            text.AppendLine(Invariant, $"Resolution: {tensor.Name}: a 1% error would not show here; resolved to {Percent(tensor.Resolution)} ({why})");
        }
    }

    /// <summary>
    /// What became of the entries not checkable at the given point, where kinks may meet, when the check
    /// re-checked them at a point nudged off the ties: which, how the point was moved, and their verdicts
    /// there; or why they could not be re-checked.
    /// </summary>
    private static void WriteRecheck(StringBuilder text, GradientCheckReport report)
    {
        if (report.Recheck is not { } recheck)
        {
            return;
        }

        if (recheck.Points == 0)
        {
            int notCheckable = report.Tensors.Sum(tensor => tensor.NotCheckableCount);
            text.AppendLine(Invariant, $"Kinks that may meet: {Count(notCheckable, "entry", "entries")} not checkable at the given point could not be re-checked at a point nudged off the ties ({recheck.Nudge}): {recheck.NotMade}; they stay not checkable");
            return;
        }

        int count = report.Tensors.Sum(tensor => tensor.NudgedCount);
        string[] labels = [.. Nudged(report, _ => true).Take(report.Options.WorstEntriesShown).Select(entry => entry.Label)];
        string more = count > labels.Length ? string.Create(Invariant, $" and {count - labels.Length} more") : string.Empty;
        string were = count == 1 ? "was" : "were";
        string points = recheck.Points == 1
            ? "a point"
            : string.Create(Invariant, $"{recheck.Points} points");
        string next = recheck.Points == 1 ? string.Empty : "; an entry on a kink again at one point was re-checked at the next";
        text.Append(Invariant, $"Kinks that may meet: {string.Join(", ", labels)}{more} {were} not checkable at the given point and {were} re-checked at {points} nudged off the ties ({recheck.Nudge}{next}): ");

        int passed = Nudged(report, EntryReport.Passes).Count();
        int failed = Nudged(report, EntryReport.Fails).Count();
        int again = Nudged(report, outcome => outcome == EntryOutcome.NotCheckable).Count();
        var verdicts = new List<string>();
        if (passed > 0)
        {
            verdicts.Add(string.Create(Invariant, $"{passed} {(passed == 1 ? "passes" : "pass")}"));
        }

        if (failed > 0)
        {
            EntryReport[] failing = [.. Nudged(report, EntryReport.Fails).Take(report.Options.WorstEntriesShown)];
            string failures = string.Join(", ", failing.Select(entry =>
            {
                string[] values = DistinctDigits.General([entry.Analytic, entry.Numeric], ShortDigits);
                return $"{entry.Label} fails {AtNudgedPoint(entry)}: a = {values[0]}, n = {values[1]}";
            }));
            verdicts.Add(failed > failing.Length ? string.Create(Invariant, $"{failures}, and {failed - failing.Length} more fail") : failures);
        }

        if (again > 0)
        {
            verdicts.Add(string.Create(Invariant, $"{again} {(again == 1 ? "is" : "are")} again not checkable there"));
        }

        if (recheck.NotMade is { } reason)
        {
            verdicts.Add(string.Create(Invariant, $"nudged point {recheck.Points + 1} could not be used: {reason}"));
        }

        text.AppendLine(string.Join("; ", verdicts));
    }

    /// <summary>Such as <c>at nudged point 1</c>: where an entry re-checked off the ties was decided.</summary>
    private static string AtNudgedPoint(EntryReport entry) => string.Create(Invariant, $"at nudged point {entry.NudgedPoint}");

    /// <summary>The entries re-checked at a nudged point whose outcome <paramref name="matches"/>, tensor by tensor in index order.</summary>
    private static IEnumerable<EntryReport> Nudged(GradientCheckReport report, Func<EntryOutcome, bool> matches) =>
        report.Tensors.SelectMany(tensor => Enumerable.Range(0, tensor.EntryCount)
            .Where(index => tensor.Entries.IsNudged(index) && matches(tensor.Entries.Outcomes[index]))
            .Select(tensor.Entry));

    /// <summary>A Jacobian or a Hessian-vector product is one matrix or vector: its report speaks of entries, not of tensors.</summary>
    private static bool IsOneMatrix(GradientCheckReport report) =>
        report.Subject != CheckSubject.Gradient && report.Tensors.Count == 1;

    /// <summary>Such as <c>5 of 12 entries outside tolerance: J[2,3], J[0,1], J[1,1] and 2 more</c>.</summary>
    private static string MatrixSummary(TensorReport tensor)
    {
        if (tensor.Passed)
        {
            return Count(tensor.EntryCount, "entry", "entries") + " within tolerance";
        }

        string[] worst = [.. tensor.WorstEntries.Where(entry => !entry.Passed).Take(3).Select(entry => entry.Label)];
        string more = tensor.FailedEntryCount > worst.Length ? string.Create(Invariant, $" and {tensor.FailedEntryCount - worst.Length} more") : string.Empty;
        return string.Create(Invariant, $"{tensor.FailedEntryCount} of {tensor.EntryCount} entries outside tolerance: {string.Join(", ", worst)}{more}");
    }

    /// <summary>The one-sided derivatives at a kink, with the digits that tell them and a apart.</summary>
    private static string Interval(EntryReport entry)
    {
        string[] values = KinkValues(entry);
        return "[" + values[1] + ", " + values[2] + "]";
    }

    /// <summary>a and the one-sided derivatives, <see cref="ShortDigits"/> significant digits or as many as it takes to tell them apart.</summary>
    private static string[] KinkValues(EntryReport entry) =>
        DistinctDigits.General([entry.Analytic, entry.OneSidedLow, entry.OneSidedHigh], ShortDigits);

    private static string Count(int count, string one, string? many = null) =>
        count.ToString(Invariant) + " " + (count == 1 ? one : many ?? one + "s");

    private static string Scientific(double value, int digits) => DistinctDigits.Scientific(value, digits);

    private static string Value(double value, int decimals, int width) => Scientific(value, decimals).PadLeft(width) + " ";

    private static string Error(double value) => Scientific(value, 2).PadLeft(9);
}
