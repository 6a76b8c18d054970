using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Running;

namespace GradCheck;

/// <summary>
/// How a gradient check is run and reported. Immutable: derive variants with
/// <c>options with { Tolerance = GradientTolerance.Within(1e-7) }</c>.
/// </summary>
public sealed record GradientCheckOptions
{
    /// <summary>How many of a failing tensor's worst entries a report lists by default.</summary>
    public const int DefaultWorstEntriesShown = 8;

    /// <summary>The seed of the nudge unless <see cref="NudgeSeed"/> says otherwise.</summary>
    public const int DefaultNudgeSeed = 1;

    private readonly int worstEntriesShown = DefaultWorstEntriesShown;
    private readonly GradientTolerance tolerance = GradientTolerance.Automatic;
    private readonly int? batchSize;
    private readonly CheckCoverage coverage = CheckCoverage.EveryEntry;
    private readonly int workers = 1;

    /// <summary>
    /// The defaults: Richardson differences, the automatic tolerance, kinks accepted when the analytic
    /// value is a valid subgradient, entries not checkable where kinks may meet re-checked at a point
    /// nudged off the ties (seed 1) where the backward pass is known, 8 entries shown per failing tensor.
    /// </summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>The pass rule; <see cref="GradientTolerance.Automatic"/> unless stated.</summary>
    public GradientTolerance Tolerance
    {
        get => tolerance;
        init => tolerance = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How the numerical derivative is computed; <see cref="DifferenceMethod.Richardson"/> unless stated.</summary>
    public DifferenceMethod Method { get; init; } = DifferenceMethod.Richardson;

    /// <summary>
    /// Whether an entry where the cost has a kink fails even when the analytic value is a valid
    /// subgradient (between the left and right derivatives). False unless stated.
    /// </summary>
    public bool KinksFail { get; init; }

    /// <summary>
    /// Whether entries that cannot be checked at the given point (<see cref="Reporting.EntryOutcome.NotCheckable"/>:
    /// a kink where kinks may meet) are re-checked at a point nudged off the ties, where the check has the
    /// backward pass and can run it there: a <see cref="GradientProblem{T}"/> (and so
    /// <c>[GradientCheck]</c>) and a layer check. Every parameter is moved by a seeded normal draw
    /// (<see cref="NudgeSeed"/>), the backward pass and the cost's derivatives along those entries alone are
    /// computed there, and the verdicts found there replace theirs, which the report says; every other
    /// entry keeps its verdict at the given point, and every parameter is restored bit for bit. True
    /// unless stated; false leaves such entries not checkable. A check of a gradient alone
    /// (<see cref="GradientChecker"/>, <see cref="GradientCheckTarget{T}"/>) has no backward pass to run
    /// and never moves the point.
    /// </summary>
    public bool RecheckAtNudgedPoint { get; init; } = true;

    /// <summary>
    /// The seed of the nudge that moves every parameter off the ties before entries not checkable at
    /// the given point are re-checked (<see cref="RecheckAtNudgedPoint"/>); <see cref="DefaultNudgeSeed"/>
    /// unless stated. The report prints it: the same seed moves the point the same way on every machine.
    /// </summary>
    public int NudgeSeed { get; init; } = DefaultNudgeSeed;

    /// <summary>
    /// The parameter tensors to differentiate and report, by name; null (the default) checks every one.
    /// A check of one tensor costs evaluations for that tensor's entries only, which is how
    /// <c>[GradientCheck]</c> gives each tensor its own test case. Every gradient is still matched by
    /// name and shape.
    /// </summary>
    public IReadOnlyCollection<string>? Tensors { get; init; }

    /// <summary>
    /// The number of examples the cost averages over (m), when it is a mean over a batch; null (the
    /// default) when unknown. Only the diagnosis reads it: a tensor that is m or 1/m times its numerical
    /// gradient is said to be off by the batch size, the mark of a mean's 1/m left out or applied twice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? BatchSize
    {
        get => batchSize;
        init
        {
            if (value is { } size)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(BatchSize));
            }

            batchSize = value;
        }
    }

    /// <summary>
    /// How much of the gradient is differentiated: <see cref="CheckCoverage.EveryEntry"/> (the default),
    /// a fast check along random directions, or a sample of entries.
    /// </summary>
    public CheckCoverage Coverage
    {
        get => coverage;
        init => coverage = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How many threads differentiate entries at once; 1 (the default) runs on the calling thread.
    /// A flat cost (<see cref="GradientCheckTarget{T}.Flat"/>) must be safe to call from several
    /// threads, each with its own copy of theta; a cost that reads named tensors needs one model per
    /// worker (<see cref="GradientCheckTarget{T}.WithWorkerModels"/>). The report is the same, bit for
    /// bit, for any number of workers, so the number is not printed with the options. A fast check
    /// (<see cref="CheckCoverage.RandomDirections"/>) makes too few evaluations to share and runs on one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Workers
    {
        get => workers;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Workers));
            workers = value;
        }
    }

    /// <summary>
    /// Where a check that runs longer than about 2 seconds reports entries done, the total and the
    /// time left, about once a second (from whichever worker thread is running); null for no reports.
    /// </summary>
    public IProgress<GradientCheckProgress>? Progress { get; init; }

    /// <summary>
    /// Stops a check that is no longer wanted, such as NUnit's <c>[CancelAfter]</c> timeout (the NUnit
    /// constraints pass the test's token themselves). The check looks at it before every evaluation of
    /// the cost, puts every parameter back bit for bit, and throws an <see cref="OperationCanceledException"/>
    /// saying how far it got. Like <see cref="Workers"/>, it does not change a report, so it is not printed
    /// with the options.
    /// </summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>How many of a failing tensor's worst entries the report lists (at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int WorstEntriesShown
    {
        get => worstEntriesShown;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            worstEntriesShown = value;
        }
    }

    /// <summary>The clock progress is timed with: the system's, unless a test sets another.</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;
}
