using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value, a function <c>Func&lt;TOutput, TInput&gt;</c>, is the adjoint of the
/// linear map: &lt;J v, w&gt; = &lt;v, Jᵀ w&gt; for seeded random v and w to the round-off of the sums
/// (see <see cref="AdjointReport"/>). On failure the message gives both sides, the bound and the seed.
/// </summary>
/// <typeparam name="TInput">The map's input: an array of float or double of any rank.</typeparam>
/// <typeparam name="TOutput">The map's output.</typeparam>
public sealed class AdjointConstraint<TInput, TOutput> : Constraint
    where TInput : class
    where TOutput : class
{
    private readonly Func<TInput, TOutput> map;
    private readonly TInput input;
    private int? seed;

    internal AdjointConstraint(Func<TInput, TOutput> map, TInput input)
        : base(map, input)
    {
        this.map = map;
        this.input = input;
    }

    /// <inheritdoc />
    public override string Description => "the adjoint of the map: <J v, w> = <v, Jᵀ w> for seeded random v and w, to round-off";

    /// <summary>Draws v and w from <paramref name="vectorSeed"/> (0 unless given).</summary>
    /// <param name="vectorSeed">The seed.</param>
    /// <exception cref="InvalidOperationException">A seed was already given.</exception>
    public AdjointConstraint<TInput, TOutput> WithSeed(int vectorSeed)
    {
        if (seed is not null)
        {
            throw new InvalidOperationException("WithSeed modifier may appear only once in an adjoint constraint.");
        }

        seed = vectorSeed;
        return this;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The actual value is not a <c>Func&lt;TOutput, TInput&gt;</c>, or the arrays are not of float or double.</exception>
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        if (actual is not Func<TOutput, TInput> adjoint)
        {
            throw new ArgumentException(
                $"Is.AdjointOf applies to the adjoint as a Func<{typeof(TOutput).Name}, {typeof(TInput).Name}>, such as dy => layer.Backward(dy), not to {(actual is null ? "null" : "a " + actual.GetType().Name)}.",
                nameof(actual));
        }

        Type? element = typeof(TInput).GetElementType();
        AdjointReport report = element == typeof(double) ? AdjointChecker.Check<double, TInput, TOutput>(map, adjoint, input, seed ?? 0)
            : element == typeof(float) ? AdjointChecker.Check<float, TInput, TOutput>(map, adjoint, input, seed ?? 0)
            : throw new ArgumentException($"Is.AdjointOf takes arrays of float or double, not {typeof(TInput).Name}.", nameof(actual));
        return new AdjointConstraintResult(this, report);
    }

    private sealed class AdjointConstraintResult(IConstraint constraint, AdjointReport report)
        : ConstraintResult(constraint, report, report.Passed)
    {
        public override void WriteActualValueTo(MessageWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.Write(report.Passed ? "the adjoint" : "not the adjoint");
        }

        public override void WriteAdditionalLinesTo(MessageWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.Write(report.ToString());
        }
    }
}
