namespace GradCheck.Testing;

/// <summary>One member with null in one of its non-nullable reference parameters.</summary>
public sealed class NullArgument(PublicMember member, int position)
{
    public PublicMember Member { get; } = member;

    /// <summary>The parameter's name, which the <see cref="ArgumentNullException"/> must carry.</summary>
    public string ParameterName { get; } = member.Method.GetParameters()[position].Name!;

    /// <summary>Calls the member with fresh samples and null in this parameter.</summary>
    public void Invoke(SampleArguments samples) => Member.Invoke(samples, position);

    public override string ToString() => $"{Member.Name}: null {ParameterName}";
}
