using System.Numerics;
using GradCheck.Coverage;

namespace GradCheck.Taylor;

/// <summary>
/// The Taylor test's direction u = max(1, |x|) ∘ v, v the tensor's seeded Gaussian of unit length, x the
/// tensor at the given point: drawn again on every pass over the entries rather than held, as the fast
/// check's directions are (a tensor of 100 million double entries would hold 800 MB for it), unless a
/// Hessian-vector product needs it as a vector (<see cref="RoundedForProduct"/>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class TaylorDirection<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly RandomDirection unit;
    private readonly ReadOnlyMemory<T> given;

    /// <summary>u rounded to the element type, once it has been handed to a Hessian-vector product; null before.</summary>
    private T[]? rounded;

    /// <param name="unit">v.</param>
    /// <param name="given">x, the tensor at the given point (the check's snapshot of it).</param>
    public TaylorDirection(RandomDirection unit, ReadOnlyMemory<T> given)
    {
        this.unit = unit;
        this.given = given;
    }

    /// <summary>The number of entries.</summary>
    public int Length => unit.Length;

    /// <summary>
    /// u rounded to the element type, as a vector for the user's Hessian-vector product; from then on every
    /// pass reads these values, so that the line moves along the very u whose product was taken.
    /// </summary>
    public T[] RoundedForProduct()
    {
        if (rounded is null)
        {
            var values = new T[Length];
            Pass pass = Start();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = T.CreateTruncating(pass.Next(i));
            }

            rounded = values;
        }

        return rounded;
    }

    /// <summary>A pass over the entries, entry 0 first.</summary>
    public Pass Start() => new(unit, given.Span, rounded);

    /// <summary>One pass over u's entries, in increasing order: each entry drawn again, or read from the rounded vector.</summary>
    public ref struct Pass
    {
        private readonly RandomDirection unit;
        private readonly ReadOnlySpan<T> given;
        private readonly ReadOnlySpan<T> rounded;
        private readonly bool isRounded;
        private SeededRandom random;

        internal Pass(RandomDirection unit, ReadOnlySpan<T> given, T[]? rounded)
        {
            this.unit = unit;
            this.given = given;
            this.rounded = rounded;
            isRounded = rounded is not null;
            random = unit.Start();
        }

        /// <summary>u[<paramref name="index"/>], in double; the entries must be asked for in order, 0 first.</summary>
        public double Next(int index) => isRounded
            ? double.CreateTruncating(rounded[index])
            : unit.Next(ref random) * Math.Max(1, Math.Abs(double.CreateTruncating(given[index])));
    }
}
