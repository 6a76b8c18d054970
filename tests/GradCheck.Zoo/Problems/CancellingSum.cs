using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// A cost that is a weighted sum of an operation's outputs, <c>J(θ) = Σ_i w_i op(θ)_i</c>, with a fixed
/// random read-out w (signs mixed) chosen so that the sum nearly cancels at the point as built: |J| is
/// 100 to 1000 times smaller than <c>Σ_i |w_i op(θ)_i|</c>, the magnitude the cost is computed through.
/// </summary>
/// <remarks>
/// <para>
/// Such a cost carries the rounding of its large terms, about ε Σ|w_i op_i|, which is hundreds of ulps of
/// |J|, not a few: a checker that models the cost's round-off as a few ulps of |J| underestimates it by
/// that factor, most of all in float, and can fail a correct gradient on noise. Nothing else about the
/// problem is unusual: the gradient <c>Σ_i w_i ∂op_i/∂θ</c> does not cancel, so every tensor's largest
/// gradient entry is far above <see cref="ZooProblem{T}.ResolvableGradientRatio"/> |J|.
/// </para>
/// <para>
/// The read-out is drawn as <c>w0 ~ N(0, 1)</c>, then moved along the outputs themselves,
/// <c>w = w0 - α op(θ)</c>, with α chosen so that <c>Σ w_i op_i = ± Σ |w_i op_i| / ρ</c> for a target ratio ρ
/// drawn log-uniformly in [150, 700] (a fixed point of a contraction, found in double from the
/// parameters as rounded to the problem's type), and finally scaled so that Σ |w_i op_i| is
/// <see cref="TermMagnitude"/>, then rounded to the type. The ratio actually reached is
/// <see cref="CancellationRatio"/>. The derived constructor sets the parameters and then calls
/// <see cref="ChooseReadOut"/>.
/// </para>
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public abstract class CancellingSum<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The least cancellation ratio Σ|w_i op_i| / |J| a problem of this kind is built to have.</summary>
    public const double SmallestRatio = 100.0;

    /// <summary>The largest cancellation ratio a problem of this kind is built to have.</summary>
    public const double LargestRatio = 1000.0;

    /// <summary>
    /// Σ |w_i op_i| at the point as built. A magnitude of order 10 keeps |J| of order 0.05, so that a
    /// double central difference with h = 1e-6 (the zoo's reference) still resolves every gradient
    /// entry, even one near 0, to 1e-8: ε Σ|w op| / h ≈ 2e-9.
    /// </summary>
    public const double TermMagnitude = 10.0;

    private const double LeastTargetRatio = 150.0;
    private const double GreatestTargetRatio = 700.0;

    private T[,] readOut = new T[0, 0];

    /// <summary>Creates the problem; the derived constructor adds the parameters and calls <see cref="ChooseReadOut"/>.</summary>
    /// <param name="name">The problem's name.</param>
    /// <param name="seed">The seed.</param>
    protected CancellingSum(string name, int seed)
        : base(name, seed)
    {
    }

    /// <summary>The fixed read-out w, with the shape of the outputs; data, not a parameter.</summary>
    public T[,] ReadOut => Matrix.Copy(readOut);

    /// <summary>
    /// Σ |w_i op(θ)_i| / |J| at the current parameters, in double: between <see cref="SmallestRatio"/> and
    /// <see cref="LargestRatio"/> at the point as built.
    /// </summary>
    public double CancellationRatio
    {
        get
        {
            T[,] outputs = Outputs();
            double terms = 0.0;
            for (int i = 0; i < outputs.GetLength(0); i++)
            {
                for (int j = 0; j < outputs.GetLength(1); j++)
                {
                    terms += Math.Abs(double.CreateTruncating(readOut[i, j]) * double.CreateTruncating(outputs[i, j]));
                }
            }

            return terms / Math.Abs(double.CreateTruncating(Cost()));
        }
    }

    /// <inheritdoc />
    public sealed override T Cost()
    {
        T[,] outputs = Outputs();
        T sum = T.Zero;
        for (int i = 0; i < outputs.GetLength(0); i++)
        {
            for (int j = 0; j < outputs.GetLength(1); j++)
            {
                sum += readOut[i, j] * outputs[i, j];
            }
        }

        return sum;
    }

    /// <inheritdoc />
    public sealed override Dictionary<string, T[,]> Gradient() => Backward(readOut, mistake: 0);

    /// <summary>The operation's outputs at the current parameters, read afresh.</summary>
    protected abstract T[,] Outputs();

    /// <summary>
    /// The operation's backward pass: the gradient of <c>Σ_i g_i op(θ)_i</c> for the output gradient
    /// <paramref name="outputGradient"/>, with the derived problem's mistake number
    /// <paramref name="mistake"/> in it (0: none).
    /// </summary>
    protected abstract Dictionary<string, T[,]> Backward(T[,] outputGradient, int mistake);

    /// <summary>A semantic bug: the backward pass with mistake <paramref name="mistake"/>, fed the read-out.</summary>
    protected SemanticBug<T> Bug(string name, int mistake) => new(name, () => Backward(readOut, mistake));

    /// <summary>Draws the read-out w that makes the sum cancel at the current parameters (see the class remarks).</summary>
    private protected void ChooseReadOut(Gaussian random)
    {
        ArgumentNullException.ThrowIfNull(random);
        T[,] outputs = Outputs();
        int rows = outputs.GetLength(0);
        int columns = outputs.GetLength(1);
        double[] o = [.. outputs.Cast<T>().Select(value => double.CreateTruncating(value))];
        double[] w0 = [.. o.Select(_ => random.Next())];
        double ratio = Math.Exp(Math.Log(LeastTargetRatio) + (random.Uniform() * Math.Log(GreatestTargetRatio / LeastTargetRatio)));
        double sign = random.Uniform() < 0.5 ? -1.0 : 1.0;
        double along = o.Sum(value => value * value);
        double projection = w0.Zip(o, (weight, value) => weight * value).Sum();

        // J(α) = w0·o - α |o|² must equal sign S(α) / ρ with S(α) = Σ |(w0_i - α o_i) o_i|. S changes with α
        // at most |o|² as fast as J does, so α ← (w0·o - sign S(α)/ρ) / |o|² contracts by 1/ρ per step.
        double alpha = projection / along;
        for (int step = 0; step < 50; step++)
        {
            double terms = Terms(w0, o, alpha);
            alpha = (projection - (sign * terms / ratio)) / along;
        }

        double scale = TermMagnitude / Terms(w0, o, alpha);
        readOut = new T[rows, columns];
        for (int flat = 0; flat < o.Length; flat++)
        {
            readOut[flat / columns, flat % columns] = T.CreateTruncating(scale * (w0[flat] - (alpha * o[flat])));
        }
    }

    private static double Terms(double[] w0, double[] o, double alpha)
    {
        double terms = 0.0;
        for (int i = 0; i < o.Length; i++)
        {
            terms += Math.Abs((w0[i] - (alpha * o[i])) * o[i]);
        }

        return terms;
    }
}
