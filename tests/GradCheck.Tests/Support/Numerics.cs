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
        long evaluations = method == DifferenceMethod.CentralTwoPoint
            ? CentralDifference.Differentiate(() => cost(values), tensor, gradient)
            : RichardsonDifference.Differentiate(() => cost(values), tensor, double.CreateTruncating(cost(values)), gradient);
        return (gradient, evaluations);
    }

    /// <summary>A numerical gradient with the given values and error estimates and no kinks, for comparisons.</summary>
    public static NumericalGradient Smooth(double[] values, double[]? errors = null)
    {
        var gradient = new NumericalGradient(values.Length);
        values.CopyTo(gradient.Value, 0);
        errors?.CopyTo(gradient.Error, 0);
        Array.Fill(gradient.Low, double.NaN);
        Array.Fill(gradient.High, double.NaN);
        return gradient;
    }
}
