using System.Globalization;
using GradCheck.Comparison;

namespace GradCheck.Reporting;

/// <summary>
/// Writes the options a check ran with as the C# that recreates them, so that the line a failure
/// prints can be pasted into a test to reproduce it exactly.
/// </summary>
internal static class OptionsText
{
    /// <summary>
    /// Such as <c>new GradientCheckOptions { Method = DifferenceMethod.Richardson, Tolerance = GradientTolerance.Automatic, ... }</c>.
    /// How the check runs (<see cref="GradientCheckOptions.Workers"/>, <see cref="GradientCheckOptions.Progress"/>,
    /// <see cref="GradientCheckOptions.CancellationToken"/>)
    /// is left out: it does not change the report.
    /// </summary>
    public static string Code(GradientCheckOptions options)
    {
        string tensors = options.Tensors is null ? "null" : "[" + string.Join(", ", options.Tensors.Select(name => "\"" + name + "\"")) + "]";
        string batchSize = options.BatchSize is int size ? size.ToString(CultureInfo.InvariantCulture) : "null";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"new GradientCheckOptions {{ Method = DifferenceMethod.{options.Method}, Tolerance = {Code(options.Tolerance)}, KinksFail = {(options.KinksFail ? "true" : "false")}, Tensors = {tensors}, BatchSize = {batchSize}, Coverage = {options.Coverage}, WorstEntriesShown = {options.WorstEntriesShown} }}");
    }

    /// <summary><c>GradientTolerance.Automatic</c> or <c>GradientTolerance.Within(1E-07, 1E-07)</c>, digits that round-trip.</summary>
    private static string Code(GradientTolerance tolerance) => tolerance.IsAutomatic
        ? "GradientTolerance.Automatic"
        : string.Create(CultureInfo.InvariantCulture, $"GradientTolerance.Within({tolerance.Absolute:R}, {tolerance.Relative:R})");
}
