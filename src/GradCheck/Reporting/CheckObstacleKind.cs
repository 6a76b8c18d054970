namespace GradCheck.Reporting;

/// <summary>Why a cost could not be checked entry by entry, or what it did wrong while being checked.</summary>
public enum CheckObstacleKind
{
    /// <summary>The cost at the unperturbed parameters is NaN or infinite.</summary>
    CostNotFinite,

    /// <summary>The cost changed the parameters it reads (a training step left inside it, say).</summary>
    CostModifiedParameters,

    /// <summary>The cost gave different values at the same parameters (dropout or sampling left on, say).</summary>
    CostNotDeterministic,

    /// <summary>A worker's model of a parallel check computes another cost than the model at the same parameters.</summary>
    WorkerModelDiffers,

    /// <summary>The cost changed the gradient given, which a check along random directions (or by the Taylor remainder) reads where it is kept.</summary>
    CostModifiedGradient,
}
