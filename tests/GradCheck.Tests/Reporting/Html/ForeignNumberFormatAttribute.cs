using System.Globalization;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>
/// Runs a test under a culture whose numbers differ from the invariant culture's in every symbol:
/// decimal comma and thousands point (as de-DE), the minus sign U+2212 (as sv-SE and fi-FI write it),
/// and a plus sign and NaN of its own. Where <c>[SetCulture("de-DE")]</c> catches a decimal comma, this
/// catches any number formatted without the invariant culture, whatever symbol would give it away.
/// Built by hand from the invariant culture, so that it needs no culture data on the machine.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class ForeignNumberFormatAttribute : NUnitAttribute, IApplyToContext
{
    public static CultureInfo Culture { get; } = Create();

    public void ApplyToContext(TestExecutionContext context)
    {
        context.CurrentCulture = Culture;
        context.CurrentUICulture = Culture;
    }

    private static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.PositiveSign = "\u208A";
        culture.NumberFormat.NaNSymbol = "nicht-Zahl";
        return culture;
    }
}
