namespace GradCheck.Reporting;

/// <summary>
/// One failing tensor's diagnosis: the kind of mistake and one line that says it, such as
/// <c>every entry is 2.000x the numerical gradient</c>.
/// </summary>
public sealed class TensorDiagnosis
{
    /// <param name="kind">The kind of mistake.</param>
    /// <param name="description">The diagnosis in one line, without the tensor's name.</param>
    internal TensorDiagnosis(BugKind kind, string description)
    {
        Kind = kind;
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    /// <summary>The kind of mistake.</summary>
    public BugKind Kind { get; }

    /// <summary>The diagnosis in one line, without the tensor's name.</summary>
    public string Description { get; }

    /// <summary>For <see cref="BugKind.ConstantFactor"/> and <see cref="BugKind.SignFlipped"/>: a / n, fitted over the tensor.</summary>
    public double? Factor { get; internal init; }

    /// <summary>For <see cref="BugKind.SwappedWithTensor"/>: the tensor whose numerical gradient this one holds.</summary>
    public string? OtherTensor { get; internal init; }

    /// <summary>
    /// The wrong entries (<see cref="BugKind.IsolatedEntries"/>, <see cref="BugKind.NotFinite"/>), rows or
    /// columns (<see cref="BugKind.WholeRows"/>, <see cref="BugKind.WholeColumns"/>), labelled as the report
    /// labels them, such as <c>W1[2,3]</c> or <c>W1[2,:]</c>; empty for the other kinds.
    /// </summary>
    public IReadOnlyList<string> Locations { get; internal init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>The one-line description.</summary>
    public override string ToString() => Description;
}
