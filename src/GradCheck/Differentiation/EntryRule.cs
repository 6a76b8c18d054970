using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// The options' difference rule, ready to evaluate one entry at a time: the rule with its step worked
/// out once per check, so that every loop over entries (all of them, a sample, or the entries a fast
/// check localises) calls the same code.
/// </summary>
/// <typeparam name="T">The element type of the parameters.</typeparam>
internal readonly struct EntryRule<T>
    where T : IFloatingPointIeee754<T>
{
    /// <param name="method">The difference rule.</param>
    /// <param name="baseCost">J at the unperturbed parameters, the centre of every stencil.</param>
    /// <param name="cancellation">The check's cancellation token, looked at before every evaluation.</param>
    public EntryRule(DifferenceMethod method, double baseCost, CancellationToken cancellation)
    {
        Method = method;
        BaseCost = baseCost;
        RelativeStep = StepSize.RelativeStep<T>(method);
        Cancellation = cancellation;
    }

    /// <summary>The difference rule.</summary>
    public DifferenceMethod Method { get; }

    /// <summary>Cost evaluations per entry (or per direction) when every point is evaluated: 2 for the two-point rule, 6 for Richardson.</summary>
    public int EvaluationsPerEntry => Method == DifferenceMethod.CentralTwoPoint ? 2 : Stencil.Multiples.Length;

    /// <summary>The step for an entry of magnitude at most 1 (see <see cref="StepSize"/>).</summary>
    public double RelativeStep { get; }

    /// <summary>J at the unperturbed parameters.</summary>
    public double BaseCost { get; }

    /// <summary>The check's cancellation token: every probe looks at it before it evaluates the cost.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>
    /// Fills entry <paramref name="index"/> of <paramref name="into"/> from every point of the rule, with
    /// the noise <paramref name="noise"/>; the entry is restored, also when the cost throws or the check
    /// is cancelled. The fast check's localisation differentiates its few entries this way.
    /// </summary>
    public void Differentiate(in CostProbe<T> probe, int index, in CostNoise noise, NumericalGradient into)
    {
        if (Method == DifferenceMethod.CentralTwoPoint)
        {
            CentralDifference.DifferentiateEntry(probe, index, RelativeStep, into);
        }
        else
        {
            Span<double> values = stackalloc double[Stencil.Multiples.Length];
            Evaluate(probe, index, Stencil.Multiples, values);
            RichardsonEstimate.Write(Points(probe.Values[index]), Stencil.Of(BaseCost, values), noise, into, index);
        }
    }

    /// <summary>
    /// J at entry <paramref name="index"/> moved by each of <paramref name="multiples"/> of the step; the
    /// entry is restored by assignment, also when the cost throws or the check is cancelled.
    /// </summary>
    public void Evaluate(in CostProbe<T> probe, int index, ReadOnlySpan<int> multiples, Span<double> values)
    {
        T x = probe.Values[index];
        try
        {
            for (int k = 0; k < multiples.Length; k++)
            {
                values[k] = probe.At(index, StepSize.Offset(x, RelativeStep, multiples[k]), multiples[k]);
            }
        }
        finally
        {
            probe.Values[index] = x;
        }
    }

    /// <summary>
    /// Where the stencil's points around <paramref name="x"/> are, as rounded to <typeparamref name="T"/>,
    /// in double: on rung <paramref name="rung"/>, at ±2^rung, ±2^(rung+1), ±2^(rung+2) times h.
    /// </summary>
    public Stencil Points(T x, int rung = 0)
    {
        int unit = 1 << rung;
        return new(
            double.CreateTruncating(x),
            Point(x, unit),
            Point(x, -unit),
            Point(x, 2 * unit),
            Point(x, -2 * unit),
            Point(x, 4 * unit),
            Point(x, -4 * unit));
    }

    private double Point(T x, int multiple) => double.CreateTruncating(StepSize.Offset(x, RelativeStep, multiple));
}
