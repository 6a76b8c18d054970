using System.Collections.Immutable;
using System.Globalization;

namespace GradCheck.Reporting.Html;

/// <summary>
/// The heatmap's colours: relative error on a log10 scale from <see cref="LowestExponent"/> (round-off
/// of double) to <see cref="HighestExponent"/> (a and n share no digit), from pale to dark, clamped at
/// both ends. The palette is ColorBrewer's BuPu, sequential and readable in grey and by the colour-blind;
/// it holds no red, so the red of a failing entry and the black of NaN cannot be mistaken for a heat.
/// </summary>
internal static class ColorScale
{
    /// <summary>log10 of the smallest relative error told apart: 1e-16, about double's ε.</summary>
    public const int LowestExponent = -16;

    /// <summary>log10 of the largest: 1 (100%); a sign flip's 2 is drawn as 1.</summary>
    public const int HighestExponent = 0;

    /// <summary>The outline of an entry, or block, that fails the rule.</summary>
    public const string Failing = "#e31a1c";

    /// <summary>The fill of an entry where a, n or their relative error is NaN or infinite.</summary>
    public const string NotFinite = "#111111";

    /// <summary>The fill of an entry, or a block, that a partial check did not differentiate.</summary>
    public const string NotChecked = "#d9d9d9";

    /// <summary>Points that pass, in the scatter plot.</summary>
    public const string Passing = "#3b6fb6";

    // ColorBrewer BuPu, 9 classes (Cynthia Brewer, colorbrewer2.org), spread evenly over the 16 decades.
    private static readonly ImmutableArray<(byte R, byte G, byte B)> Stops =
    [
        (0xf7, 0xfc, 0xfd), (0xe0, 0xec, 0xf4), (0xbf, 0xd3, 0xe6), (0x9e, 0xbc, 0xda), (0x8c, 0x96, 0xc6),
        (0x8c, 0x6b, 0xb1), (0x88, 0x41, 0x9d), (0x81, 0x0f, 0x7c), (0x4d, 0x00, 0x4b),
    ];

    /// <summary>Where a relative error falls on the scale, from 0 (1e-16 or less, or exactly 0) to 1 (1 or more); NaN for NaN or infinity.</summary>
    public static double Position(double relativeError)
    {
        if (!double.IsFinite(relativeError))
        {
            return double.NaN;
        }

        if (relativeError <= 0)
        {
            return 0;
        }

        double exponent = Math.Clamp(Math.Log10(relativeError), LowestExponent, HighestExponent);
        return (exponent - LowestExponent) / (HighestExponent - LowestExponent);
    }

    /// <summary>The fill of a relative error, as <c>#rrggbb</c>; <see cref="NotFinite"/> for NaN or infinity.</summary>
    public static string Color(double relativeError)
    {
        double position = Position(relativeError);
        return double.IsNaN(position) ? NotFinite : ColorAt(position);
    }

    /// <summary>The colour at a position from 0 to 1 of the scale, interpolated linearly between the palette's stops.</summary>
    public static string ColorAt(double position)
    {
        double scaled = Math.Clamp(position, 0, 1) * (Stops.Length - 1);
        int low = Math.Min((int)scaled, Stops.Length - 2);
        double t = scaled - low;
        (byte R, byte G, byte B) from = Stops[low];
        (byte R, byte G, byte B) to = Stops[low + 1];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"#{Mix(from.R, to.R, t):x2}{Mix(from.G, to.G, t):x2}{Mix(from.B, to.B, t):x2}");
    }

    private static int Mix(byte from, byte to, double t) => (int)Math.Round(from + ((to - from) * t), MidpointRounding.AwayFromZero);
}
