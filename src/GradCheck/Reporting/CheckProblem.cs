namespace GradCheck.Reporting;

/// <summary>A failure of the check that is not about one gradient entry.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What went wrong, in words, naming the tensors involved.</param>
public sealed record CheckProblem(CheckProblemKind Kind, string Message);
