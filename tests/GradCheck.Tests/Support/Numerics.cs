using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;

namespace GradCheck.Tests.Support;

/// <summary>Runs one of the library's difference rules over a vector, as the checker does.</summary>
internal static class Numerics
{
    public static (NumericalGradient Gradient, long Evaluations) Differentiate<T>(T[] values, Func<T[], T> cost, DifferenceMethod method, string name = "x")
        where T : IFloatingPointIeee754<T>
    {
        var tensor = new NamedTensor<T>(name, TensorStorageFactory.Wrap<T>(values, name, writable: true));
        var gradient = new NumericalGradient(values.Length);
        // Only Richardson's stencil has a centre: the two-point rule never evaluates the cost at x.
        double baseCost = method == DifferenceMethod.CentralTwoPoint ? 0 : double.CreateTruncating(cost(values));
        long evaluations = Sweep(() => cost(values), tensor, method, baseCost, gradient);
        return (gradient, evaluations);
    }

    /// <summary>Differentiates every entry of <paramref name="tensor"/> with the checker's per-entry rule, in order, on the calling thread.</summary>
    /// <returns>The number of cost evaluations made.</returns>
    public static long Sweep<T>(Func<T> cost, NamedTensor<T> tensor, DifferenceMethod method, double baseCost, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        var rule = new EntryRule<T>(method, baseCost, CancellationToken.None);
        var probe = new CostProbe<T>(cost, tensor, CancellationToken.None);

        // One entry at a time has no other entries to measure the noise with: the worst-case ulp model.
        CostNoise noise = CostNoise.Ulps((method == DifferenceMethod.CentralTwoPoint ? RoundOff.TwoPointUlps : RoundOff.Ulps) * MachineEpsilon.Of<T>());
        for (int i = 0; i < probe.Length; i++)
        {
            rule.Differentiate(probe, i, noise, into);
        }

        return (long)probe.Length * rule.EvaluationsPerEntry;
    }

    /// <summary>A numerical gradient with the given values and error estimates and no kinks, for comparisons.</summary>
    public static NumericalGradient Smooth(double[] values, double[]? errors = null)
    {
        var gradient = new NumericalGradient(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            gradient.Write(i, new NumericalEstimate(values[i], errors?[i] ?? 0, Low: double.NaN, High: double.NaN, IsKink: false));
        }

        return gradient;
    }

    /// <summary>One quantity of every entry of <paramref name="gradient"/>, in index order.</summary>
    public static TValue[] Column<TValue>(NumericalGradient gradient, Func<NumericalEstimate, TValue> quantity) =>
        [.. Enumerable.Range(0, gradient.Length).Select(index => quantity(gradient[index]))];
}
