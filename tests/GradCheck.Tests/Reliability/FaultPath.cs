namespace GradCheck.Tests.Reliability;

/// <summary>The ways a check can end, each of which must leave the caller's parameters as they were.</summary>
public enum FaultPath
{
    /// <summary>A correct gradient: the check passes.</summary>
    Passes,

    /// <summary>A gradient missing its 1/m: the check fails.</summary>
    Fails,

    /// <summary>The cost throws at the given point, before anything is perturbed.</summary>
    ThrowsAtGivenPoint,

    /// <summary>The cost scribbles on another tensor and throws at the first perturbed point.</summary>
    ThrowsAtPerturbedPoint,

    /// <summary>The cost is NaN wherever a parameter is perturbed.</summary>
    NaNAtPerturbedPoints,

    /// <summary>The cost adds 1 to a weight every time it is called, as a training step left inside it would.</summary>
    ModifiesParameters,

    /// <summary>The cost scribbles on a weight and cancels the check at its fifth call.</summary>
    Cancelled,
}
