namespace GradCheck.Reporting;

/// <summary>A failure of the check that is not about one gradient entry.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What went wrong, in words, naming the tensors involved.</param>
public sealed record CheckProblem(CheckProblemKind Kind, string Message)
{
    /// <summary>What went wrong, in words, naming the tensors involved.</summary>
    public string Message { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Message ?? throw new ArgumentNullException(nameof(Message));
}
