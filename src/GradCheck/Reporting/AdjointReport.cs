using System.Globalization;

namespace GradCheck.Reporting;

/// <summary>
/// The dot-product (adjoint) test of a linear map J and the function meant to be its adjoint Jᵀ: for
/// seeded random v and w, &lt;J v, w&gt; must equal &lt;v, Jᵀ w&gt; to the round-off of the sums involved.
/// </summary>
/// <remarks>
/// The bound. Both sides are sums of the same n m products J_ij v_j w_i, grouped differently, so they
/// differ only by rounding. Each inner product of k terms computed in the element type is off by at most
/// γ_k = k ε / (1 - k ε) times the sum of its terms' magnitudes (Higham, Accuracy and Stability of
/// Numerical Algorithms, 2nd ed., section 3.1); the magnitudes the test can see are those of the final
/// products, Σ |(J v)_i w_i| + Σ |v_j (Jᵀ w)_j|, so the bound is (n + m) ε times that sum, in the
/// element type's ε (the final sums are taken in double). The magnitudes inside J v and Jᵀ w are not
/// seen; with Gaussian v and w their terms cancel to about 1/√k of their sum, which the factor n + m
/// (rather than √(n + m), the typical growth of rounding errors) covers. A wrong adjoint (transposed,
/// scaled, a term left out) differs by a fixed fraction of the sum, far above the bound.
/// </remarks>
public sealed class AdjointReport
{
    internal AdjointReport(double forward, double backward, double magnitude, int inputLength, int outputLength, double machineEpsilon, int seed, string elementType)
    {
        Forward = forward;
        Backward = backward;
        InputLength = inputLength;
        OutputLength = outputLength;
        Seed = seed;
        ElementType = elementType;
        Magnitude = magnitude;
        MachineEpsilon = machineEpsilon;
        Bound = (inputLength + outputLength) * machineEpsilon * magnitude;
    }

    /// <summary>&lt;J v, w&gt;.</summary>
    public double Forward { get; }

    /// <summary>&lt;v, Jᵀ w&gt;.</summary>
    public double Backward { get; }

    /// <summary>|&lt;J v, w&gt; - &lt;v, Jᵀ w&gt;|.</summary>
    public double AbsoluteDifference => Math.Abs(Forward - Backward);

    /// <summary>Σ |(J v)_i w_i| + Σ |v_j (Jᵀ w)_j|, the magnitude of the sums.</summary>
    public double Magnitude { get; }

    /// <summary>The most the two sides may differ by: (n + m) ε <see cref="Magnitude"/>, ε of the element type.</summary>
    public double Bound { get; }

    /// <summary>ε of the element type.</summary>
    public double MachineEpsilon { get; }

    /// <summary>n, the length of v.</summary>
    public int InputLength { get; }

    /// <summary>m, the length of w and of J v.</summary>
    public int OutputLength { get; }

    /// <summary>The seed of v and w.</summary>
    public int Seed { get; }

    /// <summary>The element type's name, such as <c>double</c>.</summary>
    public string ElementType { get; }

    /// <summary>Whether both sides are finite and agree within <see cref="Bound"/>.</summary>
    public bool Passed => double.IsFinite(Forward) && double.IsFinite(Backward) && AbsoluteDifference <= Bound;

    /// <summary>The verdict and the figures, the text an NUnit failure shows.</summary>
    public override string ToString()
    {
        string[] sides = DistinctDigits.Scientific([Forward, Backward], 6);
        string verdict = Passed
            ? "Adjoint check passed: <J v, w> equals <v, Jᵀ w> to round-off."
            : !double.IsFinite(Forward) || !double.IsFinite(Backward)
                ? $"Adjoint check failed: {(double.IsFinite(Forward) ? "<v, Jᵀ w>" : "<J v, w>")} is NaN or infinite; J v or Jᵀ w has an entry that is not finite."
                : "Adjoint check failed: <J v, w> and <v, Jᵀ w> differ by more than round-off: the adjoint is not the transpose of the map (transposed where it should not be, scaled, or a term left out of one of them).";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            {verdict}
              <J v, w>  = {sides[0]}
              <v, Jᵀ w> = {sides[1]}
              |difference| = {DistinctDigits.Scientific(AbsoluteDifference, 2)} {(Passed ? "<=" : ">")} bound {DistinctDigits.Scientific(Bound, 2)} = (n + m) ε (Σ|(J v)_i w_i| + Σ|v_j (Jᵀ w)_j|), n = {InputLength}, m = {OutputLength}, ε = {DistinctDigits.Scientific(MachineEpsilon, 3)} ({ElementType}), relative difference {DistinctDigits.Scientific(AbsoluteDifference / Math.Max(double.Epsilon, Magnitude), 2)}
            v and w: standard normal entries, seed {Seed}
            """);
    }
}
