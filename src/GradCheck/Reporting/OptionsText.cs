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
    /// is left out: it does not change the report. The re-check at a nudged point
    /// (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>, <see cref="GradientCheckOptions.NudgeSeed"/>)
    /// is written only where it is not the default: the code recreates the options either way, and the
    /// reports of checks that never move the point (most of them) keep their line as it was.
    /// </summary>
    public static string Code(GradientCheckOptions options)
    {
        string tensors = options.Tensors is null ? "null" : "[" + string.Join(", ", options.Tensors.Select(name => "\"" + name + "\"")) + "]";
        string batchSize = options.BatchSize is int size ? size.ToString(CultureInfo.InvariantCulture) : "null";
        string recheck = options.RecheckAtNudgedPoint ? string.Empty : ", RecheckAtNudgedPoint = false";
        string nudgeSeed = options.NudgeSeed == GradientCheckOptions.DefaultNudgeSeed ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", NudgeSeed = {options.NudgeSeed}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"new GradientCheckOptions {{ Method = DifferenceMethod.{options.Method}, Tolerance = {Code(options.Tolerance)}, KinksFail = {(options.KinksFail ? "true" : "false")}, Tensors = {tensors}, BatchSize = {batchSize}, Coverage = {options.Coverage}, WorstEntriesShown = {options.WorstEntriesShown}{recheck}{nudgeSeed} }}");
    }

    /// <summary><c>GradientTolerance.Automatic</c> or <c>GradientTolerance.Within(1E-07, 1E-07)</c>, digits that round-trip.</summary>
    private static string Code(GradientTolerance tolerance) => tolerance.IsAutomatic
        ? "GradientTolerance.Automatic"
        : string.Create(CultureInfo.InvariantCulture, $"GradientTolerance.Within({tolerance.Absolute:R}, {tolerance.Relative:R})");
}
