namespace GradCheck.Tests.Reliability;

/// <summary>What a cost does to the gradient it is checked against.</summary>
public enum GradientWrite
{
    /// <summary>Clears it, as a forward pass that starts with "zero the gradients" does.</summary>
    Clears,

    /// <summary>Writes the gradient at the point evaluated, as a forward pass that runs the backward pass too does.</summary>
    WritesItsOwn,
}
