using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 14: the solution of a linear system, <c>y = A⁻¹ b</c>, by Gaussian elimination with partial
/// pivoting in the problem's type, read out by a cancelling weighted sum <c>J = Σ w_i y_i</c> (see
/// <see cref="CancellingSum{T}"/>). The parameters are A (6, 6) and b (6, 1): 42 in all.
/// </summary>
/// <remarks>
/// <para>
/// A is well conditioned: off-diagonal entries N(0, 0.5²), each diagonal entry, of random sign, larger by
/// 1 + |N(0, 1)| than the off-diagonal magnitudes of its row and of its column together, so neither A
/// nor Aᵀ is ever pivoted, within any stencil too. b has a common offset of 4, so the solution is of
/// order 1 in every entry and the cost sums six such terms to a result hundreds of times smaller.
/// Cancellation ratio Σ|w_i y_i| / |J| at the point as built, measured over seeds 1 to 20: 203 to 699
/// in double and in float (the sanity tests assert 100 to 1000).
/// </para>
/// <para>
/// Backward by the adjoint: solve <c>Aᵀ λ = w</c>, then <c>dA = -λ yᵀ</c> and <c>db = λ</c>. Semantic
/// bugs: the adjoint solved with A instead of Aᵀ; dA formed with the right-hand side instead of the
/// solution (<c>-λ bᵀ</c>); and db taken as w (the adjoint solve skipped for b).
/// </para>
/// </remarks>
public sealed class LinearSolveCancellingSum<T> : CancellingSum<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Size = 6;
    private const double RightHandSideOffset = 4.0;

    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public LinearSolveCancellingSum(int seed)
        : base("solve-cancelling", seed)
    {
        var random = new Gaussian(seed);
        AddParameter("A", DrawMatrix(random));
        AddParameter("b", random.Matrix<T>(Size, 1, 1.0, mean: RightHandSideOffset));
        ChooseReadOut(random);
        semanticBugs =
        [
            Bug("adjoint solved with A instead of Aᵀ", (int)Mistake.AdjointNotTransposed),
            Bug("dA = -λ bᵀ (the right-hand side instead of the solution)", (int)Mistake.RightHandSideForSolution),
            Bug("db = w (the adjoint solve skipped for b)", (int)Mistake.AdjointSkippedForB),
        ];
    }

    private enum Mistake
    {
        None,
        AdjointNotTransposed,
        RightHandSideForSolution,
        AdjointSkippedForB,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    protected override T[,] Outputs() => LinearSystem.Solve(Parameter("A"), Parameter("b"));

    /// <inheritdoc />
    protected override Dictionary<string, T[,]> Backward(T[,] outputGradient, int mistake)
    {
        var what = (Mistake)mistake;
        T[,] a = Parameter("A");
        T[,] b = Parameter("b");
        T[,] y = LinearSystem.Solve(a, b);
        T[,] lambda = what == Mistake.AdjointNotTransposed ? LinearSystem.Solve(a, outputGradient) : LinearSystem.SolveTransposed(a, outputGradient);
        T[,] da = Matrix.Map(Matrix.ProductTransposeB(lambda, what == Mistake.RightHandSideForSolution ? b : y), value => -value);
        T[,] db = what == Mistake.AdjointSkippedForB ? Matrix.Copy(outputGradient) : lambda;
        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["A"] = da, ["b"] = db };
    }

    /// <summary>Off-diagonal N(0, 0.5²); each diagonal entry ±(off-diagonal magnitudes of its row and column + 1 + |N(0, 1)|).</summary>
    private static T[,] DrawMatrix(Gaussian random)
    {
        var a = new double[Size, Size];
        for (int i = 0; i < Size; i++)
        {
            for (int j = 0; j < Size; j++)
            {
                a[i, j] = i == j ? 0.0 : random.Next(0.0, 0.5);
            }
        }

        var result = new T[Size, Size];
        for (int i = 0; i < Size; i++)
        {
            double off = 0.0;
            for (int j = 0; j < Size; j++)
            {
                off += Math.Abs(a[i, j]) + Math.Abs(a[j, i]);
            }

            double diagonal = off + 1.0 + Math.Abs(random.Next());
            a[i, i] = random.Uniform() < 0.5 ? -diagonal : diagonal;
        }

        for (int i = 0; i < Size; i++)
        {
            for (int j = 0; j < Size; j++)
            {
                result[i, j] = T.CreateTruncating(a[i, j]);
            }
        }

        return result;
    }
}
