using System.Globalization;
using System.Numerics;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Parameters;

namespace GradCheck.Nudging;

/// <summary>
/// A seeded move of every parameter off the ties where kinks meet: entry θ of a tensor goes to
/// θ + σ max(1, |θ|, the tensor's rms) z, with z a standard normal draw of its own and σ
/// <see cref="RelativeScale"/>. Two ReLU units that switch at the same point along an entry switch at
/// different points after it, almost surely, and the entry can be checked between them.
/// </summary>
/// <param name="Seed">The seed of the draws; the same seed moves the same parameters the same way on every machine.</param>
/// <param name="RelativeScale">σ, the standard deviation of a move relative to max(1, |θ|, the tensor's rms).</param>
/// <param name="Point">Which of the nudged points this is, from 1: each draws its own moves from the seed.</param>
internal sealed record PointNudge(int Seed, double RelativeScale, int Point = 1)
{
    /// <summary>
    /// How many nudged points an entry is re-checked at, at most: one more each time it sits on a kink
    /// again at the last one (see <see cref="For{T}"/>).
    /// </summary>
    public const int MostPoints = 4;

    /// <summary>The least σ: a move of 1% of the parameters' scale (see <see cref="For{T}"/>).</summary>
    public const double LeastRelativeScale = 1e-2;

    /// <summary>How many times the stencil's reach σ is, at least (see <see cref="For{T}"/>).</summary>
    public const double StencilReaches = 14;

    /// <summary>
    /// The substream of the first point's draws, apart from those of the random directions (0, 1, ...)
    /// and of the samples and localisation (negative), should a check use one seed for both; the next
    /// points count down from it.
    /// </summary>
    private const int FirstSubstream = int.MaxValue;

    /// <summary>
    /// The first nudge for a check of element type <typeparamref name="T"/> with <paramref name="method"/>:
    /// σ = max(1e-2, 14 times the stencil's relative reach), 1.0e-2 in double and 0.57 in float with
    /// Richardson's rule.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why this size. A re-checked entry is decided at the nudged point only if its stencil straddles no
    /// kink there: a kink within it is a kink again, where a wrong value can pass as a subgradient, and
    /// two of them (the ties of the given point, moved apart but not far enough) can fool the kink test
    /// and fail a correct value. The stencil reaches r = 4h max(1, |θ|) along the entry (h for the
    /// two-point rule): 7.3e-4 max(1, |θ|) in double, 4.1e-2 max(1, |θ|) in float. A tie moves by the
    /// nudges of the unit's inputs, a normal variable of standard deviation about σ max(1, |θ|) times the
    /// root of their number, so it stays within reach with a chance of about 0.8 r / σ over that root:
    /// with σ = 14 r, some 3% for each unit and example that met there. In double that is 1%, the move
    /// at which a nudged re-check was first measured to decide every such entry (0 of 100 correct
    /// gradients flagged); float's stencil is 56 times wider, and so is its nudge.
    /// Measured on the zoo's relu-meeting-kinks and relu-zero-init, seeds 1 to 20: with σ of 1% or 3%
    /// float failed correct gradients at the nudged point (1 to 3 of 20), with 10% to 57% none did.
    /// </para>
    /// <para>
    /// Why more than one point. On integer inputs a zero-initialised layer's pre-activations at the
    /// nudged point are sums of the draws alone, and some sum is small by chance for one seed in every
    /// problem: about one re-checked entry in ten still sat on a kink at the first point, in double as in
    /// float. An entry on a kink again is re-checked at the next point, with draws of its own, up to
    /// <see cref="MostPoints"/>; with four, every planted bug at a kink entry of those problems was caught.
    /// </para>
    /// <para>
    /// Why max(1, |θ|, the rms). The stencil's step is relative to max(1, |θ|), so a tie must move that
    /// far, whatever the size of θ: a smaller move, relative to |θ| alone, would leave the ties of a
    /// zero-initialised tensor, and of any entry much below 1, within the stencil. The tensor's rms moves
    /// the small entries of a tensor of large ones as much as their neighbours.
    /// </para>
    /// </remarks>
    /// <param name="method">The difference rule, whose stencil's reach the nudge must exceed.</param>
    /// <param name="seed">The seed of the draws.</param>
    public static PointNudge For<T>(DifferenceMethod method, int seed)
        where T : IFloatingPointIeee754<T>
    {
        double reach = StepSize.RelativeStep<T>(method) * (method == DifferenceMethod.CentralTwoPoint ? 1 : Stencil.Multiples[^2]);
        return new PointNudge(seed, Math.Max(LeastRelativeScale, StencilReaches * reach));
    }

    /// <summary>Moves every entry of every tensor of <paramref name="parameters"/>, in place.</summary>
    public void Apply<T>(TensorSet<T> parameters)
        where T : IFloatingPointIeee754<T>
    {
        for (int t = 0; t < parameters.Tensors.Count; t++)
        {
            Span<T> values = parameters.Tensors[t].Storage.Span;
            double squares = 0;
            foreach (T value in values)
            {
                double x = double.CreateTruncating(value);
                squares += x * x;
            }

            double rms = values.IsEmpty ? 0 : Math.Sqrt(squares / values.Length);
            var random = new SeededRandom(Seed, t, FirstSubstream - (Point - 1));
            for (int i = 0; i < values.Length; i++)
            {
                double x = double.CreateTruncating(values[i]);
                double scale = Math.Max(1, Math.Max(Math.Abs(x), rms));
                values[i] = T.CreateTruncating(x + (RelativeScale * scale * random.NextGaussian()));
            }
        }
    }

    /// <summary>The nudge in words, for the report: <c>seed 1; every parameter moved by 1.0e-02 max(1, |θ|, its tensor's rms) times a standard normal draw</c>; the point is not said.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"seed {Seed}; every parameter moved by {RelativeScale:0.0e+00} max(1, |θ|, its tensor's rms) times a standard normal draw");
}
