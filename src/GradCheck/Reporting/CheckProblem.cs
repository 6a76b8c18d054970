namespace GradCheck.Reporting;

/// <summary>Why a cost could not be checked entry by entry, or what it did wrong while being checked.</summary>
public enum CheckProblemKind
{
    /// <summary>The cost at the unperturbed parameters is NaN or infinite.</summary>
    CostNotFinite,

    /// <summary>The cost changed the parameters it reads (a training step left inside it, say).</summary>
    CostModifiedParameters,
}

/// <summary>A failure of the check that is not about one gradient entry.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">What went wrong, in words, naming the tensors involved.</param>
public sealed record CheckProblem(CheckProblemKind Kind, string Message);
