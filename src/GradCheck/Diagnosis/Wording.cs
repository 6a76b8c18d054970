using System.Globalization;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>How a diagnosis writes factors and lists, the same in every pattern.</summary>
internal static class Wording
{
    /// <summary>How many locations a diagnosis lists before it says "and k more".</summary>
    public const int LocationsListed = 8;

    /// <summary>The significant digits of a factor close to 1 or to 0, where three decimals would hide it.</summary>
    private const int FactorDigits = 6;

    /// <summary>
    /// A factor with three decimals, as in <c>2.000</c>; more digits where three would round it to 1 or
    /// to 0, so that <c>1.0002</c> does not read as <c>1.000</c>, nor <c>1.0000000003</c> as <c>1</c>.
    /// </summary>
    public static string Factor(double factor)
    {
        string fixedPoint = factor.ToString("0.000", CultureInfo.InvariantCulture);
        return fixedPoint switch
        {
            "1.000" => DistinctDigits.General([factor, 1.0], FactorDigits)[0],
            "0.000" or "-0.000" => DistinctDigits.General([factor], FactorDigits)[0],
            _ => fixedPoint,
        };
    }

    /// <summary>Up to <see cref="LocationsListed"/> items joined by commas, then <c>and k more</c>.</summary>
    public static string List(IReadOnlyList<string> items)
    {
        string shown = string.Join(", ", items.Take(LocationsListed));
        return items.Count > LocationsListed
            ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {items.Count - LocationsListed} more")
            : shown;
    }

    /// <summary><c>1 entry</c>, <c>3 entries</c>.</summary>
    public static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary><c>every entry</c>, or after a partial check <c>every checked entry (8 of 25)</c>: a sample cannot speak for the rest.</summary>
    public static string Every(Comparison.TensorEntries entries) => entries.IsComplete
        ? "every entry"
        : string.Create(CultureInfo.InvariantCulture, $"every checked entry ({entries.CheckedCount} of {entries.Length})");
}
