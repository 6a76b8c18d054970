namespace GradCheck.Comparison;

/// <summary>The numerical side of a tensor's checked entries, one array per quantity, slot by slot.</summary>
/// <param name="Values">n.</param>
/// <param name="Errors">e(n).</param>
/// <param name="Lows">The smallest one-sided derivative (NaN where none was computed).</param>
/// <param name="Highs">The largest one-sided derivative (NaN where none was computed).</param>
/// <param name="Kinks">Whether the cost has a kink at the entry.</param>
internal sealed record NumericalColumns(double[] Values, double[] Errors, double[] Lows, double[] Highs, bool[] Kinks);
