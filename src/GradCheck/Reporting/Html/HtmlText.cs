using System.Globalization;
using System.Text;

namespace GradCheck.Reporting.Html;

/// <summary>
/// Text and numbers for a document that must be valid HTML and well-formed XML at once, and that must
/// read the same whatever the machine's culture and whatever encoding the caller's writer uses.
/// </summary>
internal static class HtmlText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Escapes text for element content and for double-quoted attribute values alike. Everything outside
    /// printable ASCII becomes a character reference, so the bytes are the same in any ASCII-compatible
    /// encoding and a writer that is not UTF-8 cannot garble <c>∞</c> or <c>ε</c>. Characters XML forbids
    /// (controls, lone surrogates, U+FFFE, U+FFFF) become U+FFFD rather than a document no parser accepts.
    /// </summary>
    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\r' => "&#13;",
                '\t' or '\n' => null,
                < ' ' or (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF' => "&#xFFFD;",
                _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) =>
                    Reference(char.ConvertToUtf32(c, text[++i])),
                _ when char.IsSurrogate(c) => "&#xFFFD;",
                > '\u007E' => Reference(c),
                _ => null,
            };

            if (replacement is null && escaped is null)
            {
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            if (replacement is null)
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(replacement);
            }
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>A value with <paramref name="digits"/> decimals in scientific notation, such as <c>1.23e-07</c>; <c>NaN</c>, <c>+∞</c>, <c>-∞</c>.</summary>
    public static string Scientific(double value, int digits) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+∞",
        double.NegativeInfinity => "-∞",
        _ => DistinctDigits.Scientific(value, digits),
    };

    /// <summary>A pixel coordinate or length with at most two decimals: enough for any screen, short for a large picture.</summary>
    public static string Pixels(double value) => value.ToString("0.##", Invariant);

    /// <summary>A count, such as <c>61,440</c>, with the invariant culture's thousands separator.</summary>
    public static string Count(long count) => count.ToString("#,0", Invariant);

    /// <summary><c>1 entry</c>, <c>3 entries</c>.</summary>
    public static string Count(long count, string one, string many) => Count(count) + " " + (count == 1 ? one : many);

    private static string Reference(int codePoint) => "&#x" + codePoint.ToString("X", Invariant) + ";";
}
