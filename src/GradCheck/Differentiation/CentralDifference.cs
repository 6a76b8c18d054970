using System.Numerics;
using GradCheck.Parameters;

namespace GradCheck.Differentiation;

/// <summary>The classic two-point central difference, entry by entry (see <see cref="DifferenceMethod.CentralTwoPoint"/>).</summary>
internal static class CentralDifference
{
    /// <summary>Cost evaluations per entry.</summary>
    public const int EvaluationsPerEntry = 2;

    /// <summary>
    /// Fills <paramref name="into"/> with (J(x+h) - J(x-h)) / 2h for every entry and, as its error, the
    /// round-off estimate alone: this rule has no second step to measure its truncation with.
    /// </summary>
    /// <returns>The number of cost evaluations made.</returns>
    public static long Differentiate<T>(Func<T> cost, NamedTensor<T> tensor, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        Span<T> values = tensor.Storage.Span;
        var probe = new CostProbe<T>(cost, tensor, values);
        double relativeStep = StepSize.RelativeStep<T>(DifferenceMethod.CentralTwoPoint);
        double roundOffPerUnitCost = RoundOff.TwoPointUlps * MachineEpsilon.Of<T>();

        for (int i = 0; i < values.Length; i++)
        {
            T original = values[i];
            T plus = StepSize.Offset(original, relativeStep, 1);
            T minus = StepSize.Offset(original, relativeStep, -1);
            double costPlus;
            double costMinus;
            try
            {
                costPlus = probe.At(i, plus, 1);
                costMinus = probe.At(i, minus, -1);
            }
            finally
            {
                values[i] = original;
            }

            double width = double.CreateTruncating(plus) - double.CreateTruncating(minus);
            CentralEstimate.Write(width, costPlus, costMinus, roundOffPerUnitCost, into, i);
        }

        return (long)values.Length * EvaluationsPerEntry;
    }
}
