using System.Globalization;
using System.Text;

namespace GradCheck.Zoo.Table;

/// <summary>The sweep as a markdown document: what it is, how to regenerate it, the table, the wrong verdicts.</summary>
internal static class Markdown
{
    /// <summary>How many wrong verdicts are shown per problem and type.</summary>
    private const int ExamplesShown = 4;

    public static string Write(IReadOnlyList<ProblemSweep> sweeps, DiagnosisSweep diagnoses)
    {
        var text = new StringBuilder();
        int seeds = Zoo.Seeds.Count;
        Line(text, "# The gradient-check zoo: the engine's verdicts");
        Line(text);
        Line(text, "Generated; do not edit. The zoo (`tests/GradCheck.Zoo`) holds small differentiable problems with");
        Line(text, "hand-written gradients, structural bugs planted in those gradients and realistic semantic bugs in");
        Line(text, "their backward passes. This table is the engine's verdict on all of them: `GradientChecker.Check`");
        Line(text, $"with default options, seeds {Zoo.Seeds[0]} to {Zoo.Seeds[^1]}, in double and float. The same sweep is asserted by");
        Line(text, "`tests/GradCheck.Zoo.Tests` (`ZooVerdictTests`). Regenerate with:");
        Line(text);
        Line(text, "```");
        Line(text, "dotnet run -c Release --project tests/GradCheck.Zoo.Table > docs/zoo.md");
        Line(text, "```");
        Line(text);
        Line(text, "A right checker flags 0 correct gradients, catches every bug, and reports the kinks of every");
        Line(text, "problem that has them, at the entries where they are and nowhere else (a correct gradient at a");
        Line(text, "kink uses a one-sided derivative or a subgradient, which the checker should accept and say so).");
        Line(text, "Cells where the engine is wrong are in **bold**. Bugs below what a float difference can resolve");
        Line(text, "(they change only tensors built with gradients under 2e-2 |J|, and no entry by 2e-4 |J|) are counted");
        Line(text, "apart, in the last column: a checker that passes them has not been shown wrong, but it should say");
        Line(text, "it could not resolve those tensors rather than pass them silently.");
        Line(text);
        Line(text, "| Problem | Type | Parameters | Kinks | Correct gradients flagged | Planted bugs caught | Semantic bugs caught | Kinks reported | Bugs below resolution passed |");
        Line(text, "|---|---|--:|:-:|--:|--:|--:|--:|--:|");
        foreach (ProblemSweep sweep in sweeps)
        {
            int flagged = sweep.Of(GradientKind.Correct).Count(verdict => !verdict.IsRight);
            int undecided = sweep.Of(GradientKind.Correct).Count(verdict => verdict.Outcome.FailedOnlyAsNothingCheckable);
            (int planted, int plantedCaught) = Caught(sweep, GradientKind.Planted);
            (int semantic, int semanticCaught) = Caught(sweep, GradientKind.Semantic);
            int reported = sweep.Of(GradientKind.Correct).Count(verdict => verdict.Outcome.ReportsKinks);
            int misplaced = sweep.Of(GradientKind.Correct).Count(verdict => verdict.MisplacedKinks.Any());
            string kinks = Mark(
                sweep.HasKinks ? $"{reported} of {seeds}" : reported == 0 ? "none" : $"{reported} of {seeds} (smooth problem)",
                sweep.Of(GradientKind.Correct).All(verdict => verdict.KinksRight));
            if (misplaced > 0)
            {
                kinks += $", **{misplaced} at smooth entries**";
            }

            Verdict[] below = [.. sweep.Verdicts.Where(verdict => verdict.IsBelowResolution)];
            string belowCell = below.Length == 0 ? "none" : $"{below.Count(verdict => verdict.Outcome.Passed)} of {below.Length}";
            Line(text, string.Create(CultureInfo.InvariantCulture,
                $"| {sweep.Problem} | {sweep.Type} | {sweep.ParameterCount} | {(sweep.HasKinks ? "yes" : "no")} | {Mark($"{flagged} of {seeds}", flagged == 0)}{(undecided > 0 ? $" ({undecided} not checkable at the point)" : string.Empty)} | {Mark($"{plantedCaught} of {planted}", plantedCaught == planted)} | {Mark($"{semanticCaught} of {semantic}", semanticCaught == semantic)} | {kinks} | {belowCell} |"));
        }

        int wrong = sweeps.Sum(sweep => sweep.Verdicts.Count(verdict => verdict.CountsAsWrong));
        int total = sweeps.Sum(sweep => sweep.Verdicts.Count);
        Line(text);
        Line(text, string.Create(CultureInfo.InvariantCulture, $"{total} checks, {wrong} wrong verdicts, plus {sweeps.Sum(sweep => sweep.Of(GradientKind.Correct).Count(verdict => !verdict.KinksRight))} reports wrong about kinks."));
        Line(text);
        Line(text, "## Wrong verdicts");
        Line(text);
        Line(text, wrong == 0 ? "None." : $"Up to {ExamplesShown} per problem and type, with the report's summary line.");
        foreach (ProblemSweep sweep in sweeps)
        {
            Verdict[] wrongVerdicts = [.. sweep.Verdicts.Where(verdict => verdict.CountsAsWrong)];
            if (wrongVerdicts.Length == 0)
            {
                continue;
            }

            Line(text);
            Line(text, $"**{sweep.Problem} ({sweep.Type})**: {wrongVerdicts.Length} wrong");
            Line(text);
            foreach (Verdict verdict in wrongVerdicts.Take(ExamplesShown))
            {
                string what = verdict.Kind == GradientKind.Correct ? "correct gradient flagged" : $"{verdict.Kind.ToString().ToLowerInvariant()} bug `{verdict.Gradient}` passed";
                Line(text, $"- seed {verdict.Seed}: {what}: {verdict.Outcome.Summary}");
            }
        }

        WriteDiagnoses(text, diagnoses);
        Line(text);
        Line(text, "## What the zoo does not show");
        Line(text);
        Line(text, "- Every tensor is built to have a largest gradient entry of at least 2e-2 |J|, except the");
        Line(text, "  small-gradient tensors of xor-small-gradient, vanishing-gradient and relu-zero-init, built below it on");
        Line(text, "  purpose. A float difference resolves a derivative only to the cost's noise (a fraction of ε |J|)");
        Line(text, "  divided by its step (1e-2 to 8e-2), so in float a 1% error in a tensor whose gradient is all");
        Line(text, "  below about 1e-3 |J| can be beneath what any finite difference sees; those bugs are counted");
        Line(text, "  apart (last column of the table), and a check that passes one must name the tensor it could");
        Line(text, "  not resolve to 1% (`ZooVerdictTests` asserts it).");
        Line(text, "- Kinks are where they are declared. Only relu-meeting-kinks and relu-zero-init have two or more");
        Line(text, "  kinks along the same entry at the point; there ReLU'(0) = 0 can lie outside both one-sided");
        Line(text, "  derivatives (the chain rule does not hold there), and no check at that point can confirm");
        Line(text, "  or refute the correct backward pass: a right checker says so rather than fail it. Such an");
        Line(text, "  entry is reported not checkable; a tensor with nothing else fails as \"nothing could be");
        Line(text, "  checked\", counted apart as \"not checkable at the point\", not as a correct gradient flagged.");
        Line(text, "- The cancelling sums (attention-, solve-, cumulative-cancelling) carry round-off of 100 to 1000");
        Line(text, "  ulps of |J|, from terms that large; every other problem's cost is computed through terms of");
        Line(text, "  about its own size.");
        Line(text, "- Smooth problems keep every kink further than the widest float stencil (x ± 4h, h ≈ 1e-2");
        Line(text, "  max(1, |x|)) from the point; a kink nearer than that is a kink to the engine, and is reported as one.");
        return text.ToString();
    }

    /// <summary>How each planted mutation is diagnosed (asserted by ZooDiagnosisTests), and what the semantic bugs look like.</summary>
    private static void WriteDiagnoses(StringBuilder text, DiagnosisSweep diagnoses)
    {
        Line(text);
        Line(text, "## Diagnoses");
        Line(text);
        Line(text, "For every failing tensor the engine says what kind of mistake it looks like. Each planted");
        Line(text, "mutation must be diagnosed as what it is, in the tensor it was planted in, and no other tensor");
        Line(text, "may get a diagnosis (`ZooDiagnosisTests` asserts the same). Planted bugs per mutation, over");
        Line(text, "every problem, tensor and seed, leaving apart bugs below a float difference's resolution:");
        Line(text);
        Line(text, "| Planted mutation | Right diagnosis | Bugs diagnosed right, double | Bugs diagnosed right, float |");
        Line(text, "|---|---|--:|--:|");
        foreach (IGrouping<Mutation, (string Type, DiagnosisVerdict Verdict)> mutation in diagnoses.Planted.GroupBy(pair => pair.Verdict.Mutation).OrderBy(group => group.Key))
        {
            // A planted bug is diagnosed right when its mutated tensors are named for what they are and no other tensor is named.
            string Cell(string type)
            {
                bool[] bugs = [.. mutation.Where(pair => pair.Type == type && !pair.Verdict.IsBelowResolution)
                    .GroupBy(pair => (pair.Verdict.Seed, pair.Verdict.Bug))
                    .Select(bug => bug.All(pair => pair.Verdict.IsRight))];
                int right = bugs.Count(isRight => isRight);
                return Mark(string.Create(CultureInfo.InvariantCulture, $"{right} of {bugs.Length}"), right == bugs.Length);
            }

            Line(text, $"| {mutation.Key} | {ExpectedDiagnosis(mutation.Key)} | {Cell("double")} | {Cell("float")} |");
        }

        Line(text);
        Line(text, "The semantic bugs, realistic mistakes in the backward pass, have no single right diagnosis;");
        Line(text, $"this is what the engine says about each at seed {Zoo.Seeds[0]} in double:");
        Line(text);
        Line(text, "| Problem | Semantic bug | Diagnosis of each failing tensor |");
        Line(text, "|---|---|---|");
        foreach ((string problem, string bug, string lines) in diagnoses.Semantic)
        {
            Line(text, $"| {problem} | {bug} | {lines.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
    }

    private static string ExpectedDiagnosis(Mutation mutation) => mutation switch
    {
        Mutation.ScaledByTwo => "every entry is 2.000x",
        Mutation.ScaledByOnePercent => "every entry is 1.010x",
        Mutation.SignFlipped => "sign flipped",
        Mutation.Zeroed => "every entry is 0",
        Mutation.LargestEntryDoubled => "1 isolated entry (or 2.000x where the rest is 0)",
        Mutation.ShiftedByOne => "shifted by one",
        Mutation.StoredTransposed => "transposed",
        Mutation.Swapped => "swapped with the other tensor, named",
        _ => mutation.ToString(),
    };

    private static (int Total, int Caught) Caught(ProblemSweep sweep, GradientKind kind)
    {
        Verdict[] verdicts = [.. sweep.Of(kind).Where(verdict => !verdict.IsBelowResolution)];
        return (verdicts.Length, verdicts.Count(verdict => !verdict.Outcome.Passed));
    }

    private static string Mark(string cell, bool right) => right ? cell : $"**{cell}**";

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
