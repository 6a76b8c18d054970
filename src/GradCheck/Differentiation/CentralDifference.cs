using System.Numerics;
using GradCheck.Parameters;

namespace GradCheck.Differentiation;

/// <summary>
/// The two-point central difference, entry by entry, perturbing each entry in place.
/// </summary>
internal static class CentralDifference
{
    /// <summary>Cost evaluations per entry.</summary>
    public const int EvaluationsPerEntry = 2;

    /// <summary>
    /// How many ulps of the cost the round-off estimate allows for. A cost is a long chain of rounded
    /// operations whose errors do not cancel between J(x+h) and J(x-h). Measured on correct float
    /// networks (tanh and sigmoid, 4 to 12288 inputs), |a - n| never needed more than 1.2 ulps of
    /// (|J(x+h)| + |J(x-h)|) / 2h; 8 leaves room for longer chains of operations.
    /// </summary>
    public const double RoundOffUlps = 8.0;

    /// <summary>
    /// Estimates the derivative of <paramref name="cost"/> with respect to every entry of
    /// <paramref name="tensor"/>, and the round-off error of each estimate.
    /// </summary>
    /// <remarks>
    /// Allocates nothing per entry: the entry is saved, overwritten with x + h and x - h, and the saved
    /// value is put back by assignment (never by subtracting h again: floating-point addition does
    /// not undo), also when the cost throws. The differences are taken in double even for a float cost.
    /// </remarks>
    /// <returns>The number of cost evaluations made.</returns>
    public static long Differentiate<T>(Func<T> cost, NamedTensor<T> tensor, Span<double> derivatives, Span<double> roundOffErrors)
        where T : IFloatingPointIeee754<T>
    {
        Span<T> values = tensor.Storage.Span;
        double relativeStep = StepSize.RelativeStep<T>();
        double roundOffPerUnitCost = RoundOffUlps * MachineEpsilon.Of<T>();

        for (int i = 0; i < values.Length; i++)
        {
            T original = values[i];
            (T minus, T plus) = StepSize.PointsAround(original, relativeStep);
            double costPlus;
            double costMinus;
            try
            {
                values[i] = plus;
                costPlus = Evaluate(cost, tensor, i, "+ h");
                values[i] = minus;
                costMinus = Evaluate(cost, tensor, i, "- h");
            }
            finally
            {
                values[i] = original;
            }

            double distance = double.CreateTruncating(plus) - double.CreateTruncating(minus);
            derivatives[i] = (costPlus - costMinus) / distance;
            roundOffErrors[i] = roundOffPerUnitCost * (Math.Abs(costPlus) + Math.Abs(costMinus)) / distance;
        }

        return (long)values.Length * EvaluationsPerEntry;
    }

    private static double Evaluate<T>(Func<T> cost, NamedTensor<T> tensor, int flatIndex, string offset)
        where T : IFloatingPointIeee754<T>
    {
        try
        {
            return double.CreateTruncating(cost());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            string at = Shapes.EntryLabel(tensor.Name, flatIndex, tensor.Storage.Shape) + " " + offset;
            throw new CostEvaluationException(at, exception);
        }
    }
}
