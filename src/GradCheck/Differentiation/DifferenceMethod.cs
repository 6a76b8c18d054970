namespace GradCheck.Differentiation;

/// <summary>How the numerical derivative of each entry is computed.</summary>
public enum DifferenceMethod
{
    /// <summary>
    /// The default: central differences at h, 2h and 4h combined by Richardson extrapolation
    /// (6 cost evaluations per entry). Gives each entry an error estimate that drives the automatic
    /// tolerance, and one-sided derivatives on both sides that reveal kinks (ReLU at 0, |w| at 0).
    /// </summary>
    Richardson,

    /// <summary>
    /// The classic two-point central difference (J(x+h) - J(x-h)) / 2h with h = cbrt(ε) max(1, |x|)
    /// (2 cost evaluations per entry). Its error estimate covers round-off only, and it cannot tell a
    /// kink from a wrong gradient.
    /// </summary>
    CentralTwoPoint,
}
