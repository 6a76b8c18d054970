namespace GradCheck.Reporting;

/// <summary>
/// What a report is about, as its text names it: a gradient (the default), a Jacobian or a
/// Hessian-vector product. The comparison and the table are the same for all three; the verdict line,
/// a heading saying how entries are indexed, and the closing lines differ.
/// </summary>
internal sealed class CheckSubject
{
    internal CheckSubject(string name, string noun, string function, string? heading = null, string? method = null, string? evaluations = null)
    {
        Name = name;
        Noun = noun;
        Function = function;
        Heading = heading;
        Method = method;
        Evaluations = evaluations;
    }

    /// <summary>The subject of <see cref="GradientChecker"/>'s reports.</summary>
    public static CheckSubject Gradient { get; } = new("Gradient", "gradient", "cost");

    /// <summary>What was checked, as the verdict line starts: <c>Gradient</c>, <c>Jacobian</c>, <c>Hessian-vector product</c>.</summary>
    public string Name { get; }

    /// <summary>The same inside a sentence: <c>gradient</c>, <c>Jacobian</c>, <c>Hessian-vector product</c>.</summary>
    public string Noun { get; }

    /// <summary>What was evaluated to differentiate, as messages name it: <c>cost</c>, <c>f</c> or <c>g</c> (the gradient function).</summary>
    public string Function { get; }

    /// <summary>A line under the verdict that says what an entry is, such as <c>J[i,j] = ∂f[i]/∂x[j] ...</c>; null for none.</summary>
    public string? Heading { get; }

    /// <summary>
    /// How the numerical values were computed, in words, where <see cref="GradientCheckReport.Method"/>'s
    /// entry-by-entry description does not apply (a difference along a direction); null to print that.
    /// </summary>
    public string? Method { get; }

    /// <summary>
    /// Where <see cref="Function"/> was evaluated and what that measured, in words, written after the
    /// count of its evaluations on the report's last line (such as <c>21 evaluations of f: 6 per input
    /// ...</c>); null for the count alone.
    /// </summary>
    public string? Evaluations { get; }
}
