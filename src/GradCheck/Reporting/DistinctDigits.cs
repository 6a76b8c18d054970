using System.Globalization;

namespace GradCheck.Reporting;

/// <summary>
/// How a report writes numbers, and how many digits it gives values printed side by side: the fewest
/// significant digits, at least the place's usual number, with which every two different values among
/// them read differently, up to the 17 that tell any two doubles apart. A cost evaluated twice as
/// 0.021424469564 and 0.021424469565 reads <c>0.021424469564 then 0.021424469565</c>, not
/// <c>0.02142447 then 0.02142447</c>. Equal values (0 and -0 among them, and NaN and NaN) may read alike.
/// </summary>
internal static class DistinctDigits
{
    /// <summary>The significant digits of a value in general notation when nothing next to it needs more.</summary>
    public const int Usual = 7;

    /// <summary>Significant digits that tell any two different doubles apart (they round-trip).</summary>
    public const int RoundTrip = 17;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One value in general notation with <see cref="Usual"/> significant digits, such as <c>0.02142447</c>, <c>NaN</c>, <c>-Infinity</c>.</summary>
    public static string General(double value) => General(value, Usual);

    /// <summary>
    /// Values in general notation, all with the same number of significant digits: <paramref name="fewest"/>,
    /// or as many more as two different values among them need to read differently.
    /// </summary>
    /// <param name="values">The values printed together, such as a cost and the same cost evaluated again.</param>
    /// <param name="fewest">The digits the place usually gives a value, such as <see cref="Usual"/>.</param>
    public static string[] General(ReadOnlySpan<double> values, int fewest = Usual) =>
        Format(values, SignificantDigits(values, fewest, General), General);

    /// <summary>
    /// How many decimals, at least <paramref name="fewestDecimals"/>, values written by
    /// <see cref="Scientific(double, int)"/> need for two different values among them to read differently.
    /// </summary>
    /// <param name="values">The values printed together, such as a and n in one row of a table.</param>
    /// <param name="fewestDecimals">The decimals the place usually gives a value.</param>
    public static int ScientificDecimals(ReadOnlySpan<double> values, int fewestDecimals) =>
        SignificantDigits(values, fewestDecimals + 1, (value, digits) => Scientific(value, digits - 1)) - 1;

    /// <summary>Values in scientific notation with the same number of decimals, <see cref="ScientificDecimals"/>.</summary>
    /// <param name="values">The values printed together.</param>
    /// <param name="fewestDecimals">The decimals the place usually gives a value.</param>
    public static string[] Scientific(ReadOnlySpan<double> values, int fewestDecimals) =>
        Format(values, ScientificDecimals(values, fewestDecimals), Scientific);

    /// <summary>
    /// One value in scientific notation with <paramref name="decimals"/> decimals and an exponent of at
    /// least two digits, such as <c>1.235e-02</c> for 3; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>. Written
    /// from the exact <c>E</c> format: a custom format such as <c>0.000e+00</c> stops at 15 significant
    /// digits, which cannot tell every two doubles apart.
    /// </summary>
    public static string Scientific(double value, int decimals)
    {
        string text = value.ToString("E" + decimals.ToString(Invariant), Invariant);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        // -1.2350E-002 becomes -1.2350e-02.
        string exponent = text[(e + 2)..].TrimStart('0').PadLeft(2, '0');
        return string.Concat(text.AsSpan(0, e), "e", text.AsSpan(e + 1, 1), exponent);
    }

    private static string General(double value, int digits) =>
        value.ToString("G" + digits.ToString(Invariant), Invariant);

    private static string[] Format(ReadOnlySpan<double> values, int digits, Func<double, int, string> format)
    {
        string[] text = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            text[i] = format(values[i], digits);
        }

        return text;
    }

    /// <summary>The fewest significant digits from <paramref name="fewest"/> to <see cref="RoundTrip"/> with which different values read differently.</summary>
    private static int SignificantDigits(ReadOnlySpan<double> values, int fewest, Func<double, int, string> format)
    {
        int digits = Math.Clamp(fewest, 1, RoundTrip);
        while (digits < RoundTrip && !ReadApart(values, digits, format))
        {
            digits++;
        }

        return digits;
    }

    private static bool ReadApart(ReadOnlySpan<double> values, int digits, Func<double, int, string> format)
    {
        var seen = new Dictionary<string, double>(values.Length, StringComparer.Ordinal);
        foreach (double value in values)
        {
            string text = format(value, digits);
            if (seen.TryGetValue(text, out double earlier) && !earlier.Equals(value))
            {
                return false;
            }

            seen.TryAdd(text, value);
        }

        return true;
    }
}
