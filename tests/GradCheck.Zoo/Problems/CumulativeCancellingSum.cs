using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 15: the running sum of one parameter row and the running product of another, read out by a
/// cancelling weighted sum <c>J = Σ_k w_k cumsum(a)_k + Σ_k v_k cumprod(g)_k</c> (see
/// <see cref="CancellingSum{T}"/>). The parameters are a and g (1, 8): 16 in all.
/// </summary>
/// <remarks>
/// <para>
/// The increments a are 4 + N(0, 1), so the running sums climb to about 32 while their derivatives, sums
/// of read-out weights, stay of order 1: the large constant offset inside the operation. The factors g
/// are ±exp(N(0, 0.25²)) with random signs, so the running products neither vanish nor explode.
/// Cancellation ratio Σ|w_i op_i| / |J| at the point as built, measured over seeds 1 to 20: 155 to 648
/// in double and in float (the sanity tests assert 100 to 1000).
/// </para>
/// <para>
/// Backward: <c>da_j = Σ_{k ≥ j} w_k</c> (a reversed running sum), and
/// <c>dg_j = p_{j-1} s_j</c> with <c>p</c> the running product (<c>p_{-1} = 1</c>) and <c>s_j = v_j + g_{j+1} s_{j+1}</c>
/// (Horner from the end), which never divides by a factor. Semantic bugs: the running sum's backward
/// pass run forwards (<c>Σ_{k ≤ j}</c>); the running product's backward pass through the diagonal only
/// (<c>dg_j = v_j p_j / g_j</c>, forgetting that every later product holds g_j too); and its prefix off by
/// one (<c>p_j s_j</c>, the product through g_j instead of before it).
/// </para>
/// </remarks>
public sealed class CumulativeCancellingSum<T> : CancellingSum<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Length = 8;
    private const double IncrementOffset = 4.0;

    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public CumulativeCancellingSum(int seed)
        : base("cumulative-cancelling", seed)
    {
        var random = new Gaussian(seed);
        AddParameter("a", random.Matrix<T>(1, Length, 1.0, mean: IncrementOffset));
        var g = new T[1, Length];
        for (int j = 0; j < Length; j++)
        {
            double magnitude = Math.Exp(random.Next(0.0, 0.25));
            g[0, j] = T.CreateTruncating(random.Uniform() < 0.5 ? -magnitude : magnitude);
        }

        AddParameter("g", g);
        ChooseReadOut(random);
        semanticBugs =
        [
            Bug("running sum's backward pass run forwards (Σ_{k ≤ j} instead of Σ_{k ≥ j})", (int)Mistake.SumBackwardForwards),
            Bug("running product's backward pass through the diagonal only (v_j p_j / g_j)", (int)Mistake.ProductDiagonalOnly),
            Bug("running product's prefix off by one (p_j instead of p_{j-1})", (int)Mistake.ProductPrefixOffByOne),
        ];
    }

    private enum Mistake
    {
        None,
        SumBackwardForwards,
        ProductDiagonalOnly,
        ProductPrefixOffByOne,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    protected override T[,] Outputs()
    {
        T[,] a = Parameter("a");
        T[,] g = Parameter("g");
        var outputs = new T[2, Length];
        T sum = T.Zero;
        T product = T.One;
        for (int k = 0; k < Length; k++)
        {
            sum += a[0, k];
            product *= g[0, k];
            outputs[0, k] = sum;
            outputs[1, k] = product;
        }

        return outputs;
    }

    /// <inheritdoc />
    protected override Dictionary<string, T[,]> Backward(T[,] outputGradient, int mistake)
    {
        var what = (Mistake)mistake;
        T[,] g = Parameter("g");
        var da = new T[1, Length];
        if (what == Mistake.SumBackwardForwards)
        {
            T running = T.Zero;
            for (int j = 0; j < Length; j++)
            {
                running += outputGradient[0, j];
                da[0, j] = running;
            }
        }
        else
        {
            T running = T.Zero;
            for (int j = Length - 1; j >= 0; j--)
            {
                running += outputGradient[0, j];
                da[0, j] = running;
            }
        }

        // prefix[j] = g_0 ... g_{j-1}, the running product before g_j.
        var prefix = new T[Length + 1];
        prefix[0] = T.One;
        for (int j = 0; j < Length; j++)
        {
            prefix[j + 1] = prefix[j] * g[0, j];
        }

        var dg = new T[1, Length];
        T suffix = T.Zero;
        for (int j = Length - 1; j >= 0; j--)
        {
            // s_j = v_j + g_{j+1} s_{j+1}: what the products from j on owe to p_j.
            suffix = outputGradient[1, j] + (j + 1 < Length ? g[0, j + 1] * suffix : T.Zero);
            dg[0, j] = what switch
            {
                Mistake.ProductDiagonalOnly => outputGradient[1, j] * prefix[j + 1] / g[0, j],
                Mistake.ProductPrefixOffByOne => prefix[j + 1] * suffix,
                _ => prefix[j] * suffix,
            };
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["a"] = da, ["g"] = dg };
    }
}
