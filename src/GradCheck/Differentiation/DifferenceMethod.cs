namespace GradCheck;

/// <summary>How the numerical derivative of each entry is computed.</summary>
public enum DifferenceMethod
{
    /// <summary>
    /// The default: central differences at h and 2h combined by Richardson extrapolation into the
    /// five-point rule, with the cost's noise measured from the same values; ±4h where the verdict is
    /// open, and larger steps where noise limits an entry (4 cost evaluations per entry for a correct
    /// gradient of a smooth cost, 6 to 12 where more are needed). Gives each entry an error estimate
    /// that drives the automatic tolerance, and one-sided derivatives on both sides that reveal kinks
    /// (ReLU at 0, |w| at 0). A Jacobian, a Hessian-vector product or a direction of the fast check
    /// takes every point, ±h, ±2h, ±4h (6 evaluations).
    /// </summary>
    Richardson,

    /// <summary>
    /// The classic two-point central difference (J(x+h) - J(x-h)) / 2h with h = cbrt(ε) max(1, |x|)
    /// (2 cost evaluations per entry). Its error estimate covers round-off only, and it cannot tell a
    /// kink from a wrong gradient.
    /// </summary>
    CentralTwoPoint,
}
