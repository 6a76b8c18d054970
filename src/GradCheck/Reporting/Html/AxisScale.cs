using System.Globalization;

namespace GradCheck.Reporting.Html;

/// <summary>
/// A linear axis: a range of values widened to round ticks (1, 2 or 5 times a power of 10) and mapped
/// onto a range of pixels, either way round (an SVG y axis grows downwards).
/// </summary>
internal sealed class AxisScale
{
    private const double Extreme = 1e300;

    private readonly double pixelLow;
    private readonly double pixelHigh;

    private AxisScale(double low, double high, double step, double pixelLow, double pixelHigh)
    {
        Low = low;
        High = high;
        Step = step;
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
        int count = (int)Math.Round((high - low) / step);
        var ticks = new double[count + 1];
        for (int i = 0; i <= count; i++)
        {
            // low + i * step, not a running sum, so no error accumulates; snap -1e-17 to 0.
            double tick = low + (i * step);
            ticks[i] = Math.Abs(tick) < step * 1e-9 ? 0 : tick;
        }

        Ticks = ticks;
    }

    /// <summary>The value at the start of the axis, a multiple of <see cref="Step"/>.</summary>
    public double Low { get; }

    /// <summary>The value at the end of the axis, a multiple of <see cref="Step"/>.</summary>
    public double High { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>The ticks from <see cref="Low"/> to <see cref="High"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>
    /// An axis that covers every finite value given, with about <paramref name="ticks"/> intervals,
    /// drawn from <paramref name="pixelLow"/> (at its low end) to <paramref name="pixelHigh"/>.
    /// </summary>
    public static AxisScale Covering(IEnumerable<double> values, double pixelLow, double pixelHigh, int ticks = 5)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (double value in values.Where(double.IsFinite))
        {
            // Beyond ±1e300 the range itself would overflow; no gradient worth drawing gets there.
            low = Math.Min(low, Math.Max(value, -Extreme));
            high = Math.Max(high, Math.Min(value, Extreme));
        }

        if (low > high)
        {
            (low, high) = (-1, 1);
        }
        else if (low == high)
        {
            // One value, or all equal: centre it in a range of its own size (or ±1 around 0).
            double half = low == 0 ? 1 : Math.Abs(low) / 2;
            (low, high) = (low - half, high + half);
        }

        if (!(high > low))
        {
            // Subnormal values whose half rounds to 0.
            (low, high) = (low - 1, high + 1);
        }

        double step = NiceStep((high - low) / ticks);
        return new AxisScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step, pixelLow, pixelHigh);
    }

    /// <summary>The pixel of a value.</summary>
    public double ToPixel(double value) => pixelLow + ((value - Low) / (High - Low) * (pixelHigh - pixelLow));

    /// <summary>The value at a pixel: the inverse of <see cref="ToPixel"/>.</summary>
    public double ToValue(double pixel) => Low + ((pixel - pixelLow) / (pixelHigh - pixelLow) * (High - Low));

    /// <summary>
    /// A tick's label with as many decimals as the step needs (<c>0.25</c>, <c>-1.5</c>); in scientific
    /// notation (<c>2e-6</c>) when that would take more than four decimals or five digits.
    /// </summary>
    public string Label(double tick)
    {
        if (tick == 0)
        {
            return "0";
        }

        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        double largest = Math.Max(Math.Abs(Low), Math.Abs(High));
        return decimals <= 4 && largest < 1e5
            ? tick.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : tick.ToString("0.##e+0", CultureInfo.InvariantCulture);
    }

    /// <summary>The smallest of 1, 2, 5 times a power of ten that is at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (double multiple in (ReadOnlySpan<double>)[1, 2, 5, 10])
        {
            if (multiple * power >= rough * (1 - 1e-9))
            {
                return multiple * power;
            }
        }

        return 10 * power;
    }
}
