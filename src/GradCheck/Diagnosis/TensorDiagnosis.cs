namespace GradCheck.Reporting;

/// <summary>
/// One failing tensor's diagnosis: the kind of mistake and one line that says it, such as
/// <c>every entry is 2.000x the numerical gradient</c>.
/// </summary>
/// <param name="Kind">The kind of mistake.</param>
/// <param name="Description">The diagnosis in one line, without the tensor's name.</param>
public sealed record TensorDiagnosis(BugKind Kind, string Description)
{
    /// <summary>The diagnosis in one line, without the tensor's name.</summary>
    public string Description { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Description ?? throw new ArgumentNullException(nameof(Description));

    /// <summary>For <see cref="BugKind.ConstantFactor"/> and <see cref="BugKind.SignFlipped"/>: a / n, fitted over the tensor.</summary>
    public double? Factor { get; init; }

    /// <summary>For <see cref="BugKind.SwappedWithTensor"/>: the tensor whose numerical gradient this one holds.</summary>
    public string? OtherTensor { get; init; }

    /// <summary>
    /// The wrong entries (<see cref="BugKind.IsolatedEntries"/>, <see cref="BugKind.NotFinite"/>), rows or
    /// columns (<see cref="BugKind.WholeRows"/>, <see cref="BugKind.WholeColumns"/>), labelled as the report
    /// labels them, such as <c>W1[2,3]</c> or <c>W1[2,:]</c>; empty for the other kinds.
    /// </summary>
    public IReadOnlyList<string> Locations { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>The one-line description.</summary>
    public override string ToString() => Description;
}
