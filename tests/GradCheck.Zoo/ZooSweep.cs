using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// A gradient checker under test, as the zoo sees it: given a cost that reads the parameters in place,
/// the parameters and a gradient, a verdict and its text. Any checker can be judged through this.
/// </summary>
public delegate CheckOutcome GradientCheck<T>(Func<T> cost, Dictionary<string, T[,]> parameters, Dictionary<string, T[,]> gradients)
    where T : IFloatingPointIeee754<T>;

/// <summary>What a checker said about one gradient.</summary>
/// <param name="Passed">Its verdict.</param>
/// <param name="Summary">Its one-line summary.</param>
/// <param name="Report">Its whole report.</param>
/// <param name="KinkCount">How many entries it reported as kinks.</param>
/// <param name="KinkLabels">The kink entries its report lists by name, such as <c>W1[2,0]</c> (possibly not all of them).</param>
public sealed record CheckOutcome(bool Passed, string Summary, string Report, int KinkCount, IReadOnlyList<string> KinkLabels)
{
    /// <summary>Whether the checker reported any kink.</summary>
    public bool ReportsKinks => KinkCount > 0;

    /// <summary>
    /// Hook for a checker that can say so: the tensors it reports it cannot resolve to a 1% error (their
    /// gradients are too small next to the cost's round-off). Empty unless the checker fills it; today's
    /// <see cref="EngineCheck"/> does not.
    /// </summary>
    public IReadOnlyList<string> UnresolvedTensors { get; init; } = [];

    /// <summary>
    /// Hook for a checker that can say so: the entries it reports it cannot check at this point (kinks
    /// meet there, so neither one-sided derivative need hold). Empty unless the checker fills it; today's
    /// <see cref="EngineCheck"/> does not.
    /// </summary>
    public IReadOnlyList<string> NotCheckableLabels { get; init; } = [];

    /// <summary>
    /// Whether the check failed only because some tensor had no entry it could decide: every entry sits
    /// where kinks may meet, which no check at a fixed point can resolve. The zoo counts such a verdict
    /// on a correct gradient apart, as "not checkable here", not as a correct gradient flagged.
    /// </summary>
    public bool FailedOnlyAsNothingCheckable { get; init; }
}

/// <summary>Which gradient a verdict is about.</summary>
public enum GradientKind
{
    /// <summary>The hand-written, correct gradient: it should pass.</summary>
    Correct,

    /// <summary>A structural mistake from <see cref="PlantedBugs"/>: it should fail.</summary>
    Planted,

    /// <summary>A <see cref="SemanticBug{T}"/>: it should fail.</summary>
    Semantic,
}

/// <summary>A checker's verdict on one gradient of one problem.</summary>
/// <param name="Problem">The problem's name.</param>
/// <param name="Type">float or double.</param>
/// <param name="Seed">The problem's seed.</param>
/// <param name="Kind">Correct, planted or semantic.</param>
/// <param name="Gradient">"correct gradient" or the bug's name.</param>
/// <param name="Outcome">What the checker said.</param>
/// <param name="KinkEntries">The entries the problem has kinks at (<see cref="ZooProblem{T}.KinkEntries"/>).</param>
public sealed record Verdict(string Problem, string Type, int Seed, GradientKind Kind, string Gradient, CheckOutcome Outcome, IReadOnlyCollection<string> KinkEntries)
{
    /// <summary>Whether the checker got it right: the correct gradient passed (or failed only as <see cref="CheckOutcome.FailedOnlyAsNothingCheckable"/>), a bug failed.</summary>
    public bool IsRight => Kind == GradientKind.Correct ? Outcome.Passed || Outcome.FailedOnlyAsNothingCheckable : !Outcome.Passed;

    /// <summary>
    /// Whether the checker reported kinks if and only if the problem has them, and none at an entry
    /// where the cost is smooth.
    /// </summary>
    public bool KinksRight =>
        Outcome.ReportsKinks == (KinkEntries.Count > 0) && Outcome.KinkLabels.All(KinkEntries.Contains);

    /// <summary>The kinks reported where the problem has none.</summary>
    public IEnumerable<string> MisplacedKinks => Outcome.KinkLabels.Where(label => !KinkEntries.Contains(label));

    /// <summary>The tensors whose gradient the bug changes (none for the correct gradient).</summary>
    public IReadOnlyList<string> ChangedTensors { get; init; } = [];

    /// <summary>The bug's largest change of one gradient entry, relative to |cost| (0 for the correct gradient).</summary>
    public double LargestChange { get; init; }

    /// <summary>
    /// Whether the bug is below what the zoo promises a checker can see in float: it changes only tensors
    /// the problem built with small gradients (<see cref="ZooProblem{T}.SmallGradientTensors"/>) and no entry
    /// by <see cref="ZooProblem{T}.ResolvableChange"/> |cost| or more, like a 1% error in a tensor whose
    /// gradient is 1e-3 of the cost. Sweeps count such verdicts apart: a checker that passes them has not
    /// (yet) been shown wrong, but it should say it could not resolve the tensor
    /// (<see cref="CheckOutcome.UnresolvedTensors"/>) rather than pass it silently.
    /// </summary>
    public bool IsBelowResolution { get; init; }

    /// <summary>
    /// Whether a bug below resolution passed without the checker saying it could not resolve every
    /// tensor the bug changed: what a checker that knows its resolution should never do.
    /// </summary>
    public bool PassedSilentlyBelowResolution =>
        IsBelowResolution && Outcome.Passed && !ChangedTensors.All(Outcome.UnresolvedTensors.Contains);

    /// <summary>
    /// Whether the verdict counts as wrong in the zoo's sweeps: not <see cref="IsRight"/>, leaving apart
    /// bugs below resolution that passed (<see cref="IsBelowResolution"/>).
    /// </summary>
    public bool CountsAsWrong => !IsRight && !IsBelowResolution;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Problem} ({Type}) seed {Seed}: {Gradient} {(Outcome.Passed ? "passed" : "failed")}: {Outcome.Summary}";
}

/// <summary>
/// Runs a checker over a problem's correct gradient and over every planted and semantic bug, and
/// records each verdict. The parameters must be exactly as they were after every check: a checker that
/// does not restore them would corrupt every later verdict, so that throws.
/// </summary>
public static class ZooSweep
{
    /// <summary>The checker's verdict on the problem's correct gradient.</summary>
    public static Verdict CheckCorrect<T>(ZooProblem<T> problem, GradientCheck<T> check)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Run(problem, check, GradientKind.Correct, "correct gradient", problem.Gradient());
    }

    /// <summary>The checker's verdicts on every planted bug, then every semantic bug, of the problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="check">The checker.</param>
    /// <param name="belowResolutionOnly">Whether to check only the bugs below resolution (<see cref="Verdict.IsBelowResolution"/>), skipping the rest.</param>
    public static IEnumerable<Verdict> CheckBugs<T>(ZooProblem<T> problem, GradientCheck<T> check, bool belowResolutionOnly = false)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(problem);
        IEnumerable<(GradientKind Kind, string Name, Dictionary<string, T[,]> Gradients)> bugs =
            PlantedBugs.Structural(problem, problem.Gradient()).Select(bug => (GradientKind.Planted, bug.Name, bug.Gradients))
                .Concat(problem.SemanticBugs.Select(bug => (GradientKind.Semantic, bug.Name, bug.Gradient())));
        foreach ((GradientKind kind, string name, Dictionary<string, T[,]> gradients) in bugs)
        {
            if (!belowResolutionOnly || IsBelowResolution(problem, kind, Change(problem, gradients)))
            {
                yield return Run(problem, check, kind, name, gradients);
            }
        }
    }

    private static Verdict Run<T>(ZooProblem<T> problem, GradientCheck<T> check, GradientKind kind, string name, Dictionary<string, T[,]> gradients)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(check);
        (string[] changed, double largestChange) = Change(problem, gradients);
        Dictionary<string, T[,]> before = PlantedBugs.DeepCopy(problem.Parameters);
        CheckOutcome outcome = check(problem.Cost, problem.Parameters, gradients);
        foreach (KeyValuePair<string, T[,]> pair in before)
        {
            T[,] now = problem.Parameters[pair.Key];
            for (int i = 0; i < now.GetLength(0); i++)
            {
                for (int j = 0; j < now.GetLength(1); j++)
                {
                    // Bit for bit: -0 and 0, or two NaNs, are not the same parameter to a cost.
                    if (BitConverter.DoubleToInt64Bits(double.CreateTruncating(now[i, j])) != BitConverter.DoubleToInt64Bits(double.CreateTruncating(pair.Value[i, j])))
                    {
                        throw new InvalidOperationException(
                            $"{problem} ({Zoo.TypeName<T>()}): after checking '{name}', parameter {pair.Key}[{i},{j}] is {now[i, j]} instead of {pair.Value[i, j]}; the checker did not restore the parameters.");
                    }
                }
            }
        }

        return new Verdict(problem.Name, Zoo.TypeName<T>(), problem.Seed, kind, name, outcome, problem.KinkEntries)
        {
            ChangedTensors = changed,
            LargestChange = largestChange,
            IsBelowResolution = IsBelowResolution(problem, kind, (changed, largestChange)),
        };
    }

    private static bool IsBelowResolution<T>(ZooProblem<T> problem, GradientKind kind, (string[] Changed, double Largest) change)
        where T : IFloatingPointIeee754<T> =>
        kind != GradientKind.Correct && change.Changed.Length > 0 &&
        change.Changed.All(problem.SmallGradientTensors.Contains) && change.Largest < ZooProblem<T>.ResolvableChange;

    /// <summary>The tensors where <paramref name="gradients"/> differs from the problem's correct gradient, and the largest difference of one entry relative to |cost|.</summary>
    private static (string[] Changed, double Largest) Change<T>(ZooProblem<T> problem, Dictionary<string, T[,]> gradients)
        where T : IFloatingPointIeee754<T>
    {
        Dictionary<string, T[,]> correct = problem.Gradient();
        double cost = Math.Abs(double.CreateTruncating(problem.Cost()));
        var changed = new List<string>();
        double largest = 0.0;
        foreach ((string tensor, T[,] right) in correct)
        {
            T[,] given = gradients[tensor];
            double tensorLargest = 0.0;
            for (int i = 0; i < right.GetLength(0); i++)
            {
                for (int j = 0; j < right.GetLength(1); j++)
                {
                    tensorLargest = Math.Max(tensorLargest, Math.Abs(double.CreateTruncating(given[i, j]) - double.CreateTruncating(right[i, j])));
                }
            }

            if (tensorLargest > 0.0)
            {
                changed.Add(tensor);
                largest = Math.Max(largest, tensorLargest / cost);
            }
        }

        return ([.. changed], largest);
    }
}
