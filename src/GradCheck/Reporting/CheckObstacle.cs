namespace GradCheck.Reporting;

/// <summary>A failure of the check that is not about one gradient entry.</summary>
public sealed class CheckObstacle
{
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">What went wrong, in words, naming the tensors involved.</param>
    internal CheckObstacle(CheckObstacleKind kind, string message)
    {
        Kind = kind;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>What went wrong.</summary>
    public CheckObstacleKind Kind { get; }

    /// <summary>What went wrong, in words, naming the tensors involved.</summary>
    public string Message { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
