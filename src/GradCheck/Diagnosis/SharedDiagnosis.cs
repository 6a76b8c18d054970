using System.Globalization;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// What every tensor's diagnosis has in common, when every tensor of a check fails the same way: a
/// mistake every tensor shares sits upstream of them all, and is said once, with what it usually is.
/// </summary>
internal static class SharedDiagnosis
{
    /// <summary>
    /// The diagnosed <paramref name="tensors"/>, each with a diagnosis shared by all when every tensor
    /// (two or more) fails with the same integer factor (no batch size given), or with no simple pattern;
    /// the report prints a diagnosis shared by several tensors once. Otherwise the tensors as they are.
    /// </summary>
    public static TensorReport[] Apply(TensorReport[] tensors, int? batchSize, string noun)
    {
        if (tensors.Length < 2 || tensors.Any(tensor => tensor.Passed || tensor.Diagnosis is null))
        {
            return tensors;
        }

        TensorDiagnosis first = tensors[0].Diagnosis!;
        if (batchSize is null && first.Kind == BugKind.ConstantFactor && first.Factor is double factor
            && tensors.All(tensor => tensor.Diagnosis!.Kind == BugKind.ConstantFactor && tensor.Diagnosis.Factor is double other && Math.Abs((other / factor) - 1) <= GradientDiagnosis.FactorResolution)
            && IntegerFactor(factor) is { } shared)
        {
            string meaning = shared.Divides
                ? string.Create(CultureInfo.InvariantCulture, $"1/{shared.M}: shared by every tensor, as dividing by a batch size m = {shared.M} once too often would be (is it divided by m twice?); .WithBatchSize({shared.M}) (BatchSize = {shared.M}) names m for certain")
                : string.Create(CultureInfo.InvariantCulture, $"shared by every tensor, as a batch size m = {shared.M} would be (is the 1/m of a mean left out?); .WithBatchSize({shared.M}) (BatchSize = {shared.M}) names m for certain");
            string description = $"every entry of every tensor is {Wording.Factor(factor)}x the numerical {noun}: {meaning}";
            return [.. tensors.Select(tensor => tensor.WithDiagnosis(new TensorDiagnosis(BugKind.ConstantFactor, description) { Factor = tensor.Diagnosis!.Factor }))];
        }
        if (tensors.All(tensor => tensor.Diagnosis!.Kind == BugKind.NoSimplePattern))
        {
            string description =
                $"every tensor is wrong, none with a simple pattern: what they share is upstream of them all, such as the output layer's delta or the loss's derivative " +
                $"(a wrong softmax or loss derivative?), or the point: a backward pass run at other parameters than the cost reads (the {noun} taken before or after an optimizer step?)";
            return [.. tensors.Select(tensor => tensor.WithDiagnosis(new TensorDiagnosis(BugKind.NoSimplePattern, description)))];
        }

        return tensors;
    }

    /// <summary>m when the factor is m or 1/m for an integer m from 2 to 100000, within the diagnosis's resolution; null otherwise.</summary>
    private static (int M, bool Divides)? IntegerFactor(double factor)
    {
        foreach ((double value, bool divides) in (ReadOnlySpan<(double, bool)>)[(factor, false), (1 / factor, true)])
        {
            double m = Math.Round(value);
            if (m >= 2 && m <= 100_000 && Math.Abs((value / m) - 1) <= GradientDiagnosis.FactorResolution)
            {
                return ((int)m, divides);
            }
        }

        return null;
    }
}
