namespace GradCheck.Differentiation;

/// <summary>
/// Which exceptions thrown inside a call that <see cref="CostEvaluation"/> wraps are the checker's own,
/// and so come out as they are, not as the user's function's: cancellation always, and what a caller
/// names here, when what it calls is more than the user's function alone.
/// </summary>
[Flags]
internal enum CheckersOwnExceptions
{
    /// <summary>Only cancellation: the call is the user's function alone.</summary>
    None = 0,

    /// <summary>
    /// <see cref="ArgumentException"/>: the call includes the checker's own checks of what the function
    /// returned, such as a layer pass that returned null or a gradient of the wrong shape.
    /// </summary>
    ArgumentChecks = 1,

    /// <summary>
    /// <see cref="CostEvaluationException"/>: the call includes calls wrapped already, whose message names
    /// their point more closely.
    /// </summary>
    AlreadyWrapped = 2,
}
