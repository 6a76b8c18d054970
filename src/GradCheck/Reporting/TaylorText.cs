using System.Globalization;
using System.Text;

namespace GradCheck.Reporting;

/// <summary>
/// A <see cref="TaylorReport"/> in words: its verdict, and for the message of a failing tensor the steps
/// whose orders were read, with R1, the noise floor and the order, so that the slope can be seen.
/// </summary>
internal static class TaylorText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Such as <c>R1 shrinks as h^1.00: the gradient is wrong along this direction</c>.</summary>
    public static string Verdict(TaylorReport taylor) => taylor.Degree == 2 ? SecondOrderVerdict(taylor) : taylor.Outcome switch
    {
        EntryOutcome.AnalyticNotFinite => "a · u is NaN or infinite: the gradient has entries that are not finite",
        EntryOutcome.NumericNotFinite => "the cost is NaN or infinite at every step along u (a step out of the cost's domain?)",
        _ when double.IsNaN(taylor.ObservedOrder) => string.Create(
            Invariant,
            $"R1 stays within {TaylorReport.FitFactor:0} times the noise floor at every step: the cost is linear along u to within its noise, and a · u matches its slope to {DistinctDigits.Scientific(MostHiddenSlope(taylor), 2)}"),
        EntryOutcome.WithinTolerance => string.Create(Invariant, $"R1 shrinks as h^{taylor.ObservedOrder:0.00}: the gradient is right along this direction"),
        EntryOutcome.NotCheckable => string.Create(Invariant, $"R1 shrinks as h^{taylor.ObservedOrder:0.00} at the smallest steps above the noise, which cannot tell a wrong gradient (h^1) from a turn of the curvature: the cost's derivative along u decided instead"),
        _ => string.Create(Invariant, $"R1 shrinks as h^{taylor.ObservedOrder:0.00}: the gradient is wrong along this direction"),
    };

    /// <summary>
    /// R2's verdict: order 3 when the gradient and H u are right; order 2 when H u is wrong along u (or the
    /// gradient by so little that its h^1 has not yet overtaken); order 1 when the gradient is wrong.
    /// </summary>
    private static string SecondOrderVerdict(TaylorReport taylor) => taylor.Outcome switch
    {
        EntryOutcome.AnalyticNotFinite => "a · u or u · H u is NaN or infinite: the gradient or the Hessian-vector product has entries that are not finite",
        EntryOutcome.NumericNotFinite => "the cost is NaN or infinite at every step along u (a step out of the cost's domain?)",
        _ when double.IsNaN(taylor.ObservedOrder) => string.Create(
            Invariant,
            $"R2 stays within {TaylorReport.FitFactor:0} times the noise floor at every step: the cost is quadratic along u to within its noise, and a · u and u · H u match it"),
        EntryOutcome.WithinTolerance => string.Create(Invariant, $"R2 shrinks as h^{taylor.ObservedOrder:0.00}: the gradient and the Hessian-vector product are right along this direction"),
        EntryOutcome.NotCheckable => string.Create(Invariant, $"R2 shrinks as h^{taylor.ObservedOrder:0.00} at the smallest steps above the noise, which cannot tell a wrong Hessian-vector product (h^2) from a turn of the third derivative: the cost's derivative along u decided the gradient, and u · H u is unchecked"),
        _ when taylor.ObservedOrder <= (TaylorReport.FailingOrder + TaylorReport.PassingOrder) / 2 => string.Create(Invariant, $"R2 shrinks as h^{taylor.ObservedOrder:0.00}: the gradient is wrong along this direction (a wrong gradient leaves h^1 in R2)"),
        _ => string.Create(Invariant, $"R2 shrinks as h^{taylor.ObservedOrder:0.00}: the Hessian-vector product is wrong along this direction (u · H u is not the cost's curvature along u; a wrong gradient leaves h^1, or h^2 while its error is too small to show)"),
    };

    /// <summary>The verdict and the table of the steps whose orders were read, indented under a failing tensor.</summary>
    public static void Write(StringBuilder text, TaylorReport taylor)
    {
        text.AppendLine(Invariant, $"  Taylor test along a random direction u (seed {taylor.Seed}, a · u = {DistinctDigits.Scientific(taylor.DirectionalDerivative, 4)}): {Verdict(taylor)}");
        int first = FirstShown(taylor);
        if (first < 0)
        {
            return;
        }

        int last = Math.Min(taylor.Steps.Count - 1, LastFitted(taylor) + 2);
        text.AppendLine(Invariant, $"    h          R{taylor.Degree}(h)      noise      order");
        for (int k = first; k <= last; k++)
        {
            string order = k == 0 ? string.Empty
                : taylor.Fitted[k - 1] ? taylor.Orders[k - 1].ToString("0.00", Invariant)
                : double.IsFinite(taylor.Remainders[k]) ? "(in the noise)" : "(cost not finite)";
            text.AppendLine(string.Create(Invariant, $"    {Figure(taylor.Steps[k])}  {Figure(taylor.Remainders[k])}  {Figure(taylor.NoiseFloors[k])}  {order}").TrimEnd());
        }

        string before = first > 0 ? string.Create(Invariant, $"{first} larger step{(first == 1 ? string.Empty : "s")} not shown; ") : string.Empty;
        text.AppendLine(Invariant, $"    ({before}orders are read where R{taylor.Degree} stands {TaylorReport.FitFactor:0} times above the noise floor; the last decides: at least {taylor.LeastPassingOrder:0.00} passes, at most {taylor.MostFailingOrder:0.00} at the last two fails)");
    }

    /// <summary>The first step of the table: that of the first order read, or the first step when none was read but the test failed.</summary>
    private static int FirstShown(TaylorReport taylor)
    {
        int first = -1;
        for (int k = 0; k < taylor.Fitted.Count && first < 0; k++)
        {
            first = taylor.Fitted[k] ? k : -1;
        }

        // Rows from the last order read back over at most a few more, so a long sweep stays short.
        int last = LastFitted(taylor);
        return first < 0 ? first : Math.Max(first, last - MostRowsBefore);
    }

    private const int MostRowsBefore = 6;

    private static int LastFitted(TaylorReport taylor)
    {
        for (int k = taylor.Fitted.Count - 1; k >= 0; k--)
        {
            if (taylor.Fitted[k])
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The largest error of a · u a remainder within the fit factor of the noise at the largest step could hide.</summary>
    private static double MostHiddenSlope(TaylorReport taylor) =>
        taylor.Steps.Count == 0 ? double.NaN : TaylorReport.FitFactor * taylor.NoiseFloors[0] / taylor.Steps[0];

    private static string Figure(double value) => DistinctDigits.Scientific(value, 2).PadRight(9);
}
