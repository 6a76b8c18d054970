using System.Text;
using GradCheck.Reporting;

namespace GradCheck.Shouldly;

/// <summary>
/// The text of a failed gradient assertion, laid out as Shouldly lays out its own: the user's
/// expression, what it should be (indented four spaces), what it was instead, then the engine's
/// report, and the custom message under <c>Additional Info:</c>.
/// </summary>
/// <example>
/// <code>
/// grad
///     should be the gradient of the cost with respect to theta (4), each entry within the rule below
///     but was not:
/// Gradient check failed: 1 of 1 tensors have entries outside tolerance (1 of 4 entries).
/// theta (4): 1 of 4 entries outside tolerance, ...
/// </code>
/// </example>
internal static class GradientShouldlyMessage
{
    /// <summary>What Shouldly writes in place of the expression when the source text is unknown.</summary>
    public const string UnknownExpression = "The provided expression";

    private const string Indent = "    ";

    /// <summary>Builds the message.</summary>
    /// <param name="actualExpression">The caller's expression for the gradient; null when unknown.</param>
    /// <param name="negated">True for <c>ShouldNotBeGradientOf</c>.</param>
    /// <param name="parameters">The parameters in words, such as <c>W1 (5, 4), b1 (5, 1)</c>.</param>
    /// <param name="report">The engine's report, which states the rule and supplies the verdict and the numbers.</param>
    /// <param name="customMessage">The caller's own words; null for none.</param>
    public static string Create(string? actualExpression, bool negated, string parameters, GradientCheckReport report, string? customMessage)
    {
        string verdict = report.Obstacles.Count > 0
            ? "but the check could not decide:"
            : negated ? "but was:" : "but was not:";

        var text = new StringBuilder();
        text.AppendLine(string.IsNullOrWhiteSpace(actualExpression) ? UnknownExpression : actualExpression.Trim())
            .Append(Indent).Append(negated ? "should not be" : "should be")
            .Append(" the gradient of the cost with respect to ").Append(parameters)
            .Append(PassRule(report)).AppendLine()
            .Append(Indent).AppendLine(verdict)
            .Append(report.ToString().TrimEnd());

        if (customMessage is not null)
        {
            // Shouldly's own layout for a custom message, in 4.x and 5.x alike.
            text.AppendLine().AppendLine().AppendLine("Additional Info:").Append(Indent).Append(customMessage);
        }

        return text.ToString();
    }

    /// <summary>
    /// What every tensor is held to, by reference: the report below states the rule (its <c>Rule:</c>
    /// line, or the Taylor test on its <c>Coverage:</c> line), so the message says it once.
    /// </summary>
    private static string PassRule(GradientCheckReport report) => report.Options.Coverage.Kind == CoverageKind.TaylorRemainder
        ? ", by the Taylor-remainder test below"
        : ", each entry within the rule below";
}
