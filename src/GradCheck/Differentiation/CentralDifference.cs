using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>The classic two-point central difference, entry by entry (see <see cref="DifferenceMethod.CentralTwoPoint"/>).</summary>
internal static class CentralDifference
{
    /// <summary>Cost evaluations per entry.</summary>
    public const int EvaluationsPerEntry = 2;

    /// <summary>
    /// Fills entry <paramref name="index"/> of <paramref name="into"/> with (J(x+h) - J(x-h)) / 2h and, as
    /// its error, the round-off estimate alone: this rule has no second step to measure its truncation
    /// with. The entry is restored by assignment, also when the cost throws.
    /// </summary>
    /// <param name="probe">The cost and the tensor it reads.</param>
    /// <param name="index">The entry's row-major index.</param>
    /// <param name="relativeStep">The rule's step, <see cref="StepSize.RelativeStep{T}"/>.</param>
    /// <param name="into">Where the estimate goes.</param>
    public static void DifferentiateEntry<T>(in CostProbe<T> probe, int index, double relativeStep, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        T original = probe.Values[index];
        T plus = StepSize.Offset(original, relativeStep, 1);
        T minus = StepSize.Offset(original, relativeStep, -1);
        double costPlus;
        double costMinus;
        try
        {
            costPlus = probe.At(index, plus, 1);
            costMinus = probe.At(index, minus, -1);
        }
        finally
        {
            probe.Values[index] = original;
        }

        double width = double.CreateTruncating(plus) - double.CreateTruncating(minus);
        CentralEstimate.Write(width, costPlus, costMinus, RoundOff.TwoPointUlps * MachineEpsilon.Of<T>(), into, index);
    }
}
