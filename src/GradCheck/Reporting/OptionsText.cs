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
    /// Such as <c>new GradientCheckOptions { Tolerance = GradientTolerance.Within(1E-07, 1E-07), BatchSize = 32 }</c>:
    /// the options that differ from <see cref="GradientCheckOptions.Default"/>, which the code leaves to their
    /// defaults, or <c>GradientCheckOptions.Default</c> when none does. How the check runs
    /// (<see cref="GradientCheckOptions.Workers"/>, <see cref="GradientCheckOptions.Progress"/>,
    /// <see cref="GradientCheckOptions.CancellationToken"/>) is left out: it does not change the report.
    /// </summary>
    public static string Code(GradientCheckOptions options)
    {
        GradientCheckOptions defaults = GradientCheckOptions.Default;
        var set = new List<string>();
        if (options.Method != defaults.Method)
        {
            set.Add($"Method = DifferenceMethod.{options.Method}");
        }

        if (options.Tolerance != defaults.Tolerance)
        {
            set.Add($"Tolerance = {Code(options.Tolerance)}");
        }

        if (options.KinksFail != defaults.KinksFail)
        {
            set.Add($"KinksFail = {(options.KinksFail ? "true" : "false")}");
        }

        if (options.Tensors is { } tensors)
        {
            set.Add("Tensors = [" + string.Join(", ", tensors.Select(name => "\"" + name + "\"")) + "]");
        }

        if (options.BatchSize is int size)
        {
            set.Add(string.Create(CultureInfo.InvariantCulture, $"BatchSize = {size}"));
        }

        if (options.Coverage != defaults.Coverage)
        {
            set.Add($"Coverage = {options.Coverage}");
        }

        if (options.WorstEntriesShown != defaults.WorstEntriesShown)
        {
            set.Add(string.Create(CultureInfo.InvariantCulture, $"WorstEntriesShown = {options.WorstEntriesShown}"));
        }

        if (options.RecheckAtNudgedPoint != defaults.RecheckAtNudgedPoint)
        {
            set.Add($"RecheckAtNudgedPoint = {(options.RecheckAtNudgedPoint ? "true" : "false")}");
        }

        if (options.NudgeSeed != defaults.NudgeSeed)
        {
            set.Add(string.Create(CultureInfo.InvariantCulture, $"NudgeSeed = {options.NudgeSeed}"));
        }

        return set.Count == 0 ? "GradientCheckOptions.Default" : "new GradientCheckOptions { " + string.Join(", ", set) + " }";
    }

    /// <summary><c>GradientTolerance.Automatic</c> or <c>GradientTolerance.Within(1E-07, 1E-07)</c>, digits that round-trip.</summary>
    private static string Code(GradientTolerance tolerance) => tolerance.IsAutomatic
        ? "GradientTolerance.Automatic"
        : string.Create(CultureInfo.InvariantCulture, $"GradientTolerance.Within({tolerance.Absolute:R}, {tolerance.Relative:R})");
}
