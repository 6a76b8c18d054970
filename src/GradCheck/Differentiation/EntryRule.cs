using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// The options' difference rule, ready to differentiate one entry at a time: the rule with its step
/// worked out once per check, so that every loop over entries (all of them, a sample, or the entries a
/// fast check localises) calls the same code.
/// </summary>
/// <typeparam name="T">The element type of the parameters.</typeparam>
internal readonly struct EntryRule<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly double relativeStep;
    private readonly double baseCost;

    /// <param name="method">The difference rule.</param>
    /// <param name="baseCost">J at the unperturbed parameters, the centre of every Richardson stencil.</param>
    /// <param name="cancellation">The check's cancellation token, looked at before every evaluation.</param>
    public EntryRule(DifferenceMethod method, double baseCost, CancellationToken cancellation)
    {
        Method = method;
        this.baseCost = baseCost;
        relativeStep = StepSize.RelativeStep<T>(method);
        Cancellation = cancellation;
    }

    /// <summary>The difference rule.</summary>
    public DifferenceMethod Method { get; }

    /// <summary>Cost evaluations per entry (or per direction): 2 for the two-point rule, 6 for Richardson.</summary>
    public int EvaluationsPerEntry => Method == DifferenceMethod.CentralTwoPoint
        ? CentralDifference.EvaluationsPerEntry
        : RichardsonDifference.EvaluationsPerEntry;

    /// <summary>The step for an entry of magnitude at most 1 (see <see cref="StepSize"/>).</summary>
    public double RelativeStep => relativeStep;

    /// <summary>J at the unperturbed parameters.</summary>
    public double BaseCost => baseCost;

    /// <summary>The check's cancellation token: every probe looks at it before it evaluates the cost.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Fills entry <paramref name="index"/> of <paramref name="into"/>; the entry is restored, also when the cost throws or the check is cancelled.</summary>
    public void Differentiate(in CostProbe<T> probe, int index, NumericalGradient into)
    {
        if (Method == DifferenceMethod.CentralTwoPoint)
        {
            CentralDifference.DifferentiateEntry(probe, index, relativeStep, into);
        }
        else
        {
            RichardsonDifference.DifferentiateEntry(probe, index, relativeStep, baseCost, into);
        }

        into.MarkChecked(index);
    }
}
