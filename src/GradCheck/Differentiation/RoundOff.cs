namespace GradCheck.Differentiation;

/// <summary>
/// The worst-case round-off model of a value, for the estimates that have no other entries to measure
/// the noise with: the Jacobian and Hessian-vector product checks, the fast check's directions and the
/// entries it localises, and the two-point rule. The gradient sweep measures its noise instead
/// (<see cref="NoiseLevel"/>).
/// </summary>
internal static class RoundOff
{
    /// <summary>
    /// How many ulps of its magnitude each value is assumed to carry under the Richardson rule, whose
    /// |R(h) - R(2h)| term already absorbs much of the actual noise. Measured on correct float and
    /// double networks (tanh, sigmoid, ReLU), no entry used more than 0.4 of the bound this gives;
    /// more would hide 1% mistakes in float tensors whose gradients are about 1e-2 |J|.
    /// </summary>
    public const double Ulps = 2.0;

    /// <summary>
    /// The same for the two-point rule, which has no second width to measure its noise with. Its
    /// |a - n| needed up to 1.2 ulps of (|J(x+h)| + |J(x-h)|) / 2h on correct float networks and 1.5
    /// on double quadratics whose terms cancel; 8 leaves room for longer chains of operations.
    /// </summary>
    public const double TwoPointUlps = 8.0;
}
