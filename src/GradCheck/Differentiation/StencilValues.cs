namespace GradCheck.Differentiation;

/// <summary>
/// The cost's values on the stencils of a list of entries of one tensor, kept between the passes of a
/// check: the inner points of every entry first, the outer ones of the entries whose verdict the inner
/// points leave open. Memory grows with the entries checked, not with the tensor.
/// </summary>
internal sealed class StencilValues
{
    // One array per perturbed point, in the order of Stencil.Multiples; the outer two only once needed.
    private readonly double[]?[] values = new double[Stencil.Multiples.Length][];

    /// <param name="count">How many entries.</param>
    public StencilValues(int count)
    {
        Count = count;
        for (int point = 0; point < Stencil.InnerMultiples.Length; point++)
        {
            values[point] = new double[count];
        }
    }

    /// <summary>How many entries.</summary>
    public int Count { get; }

    /// <summary>Stores the values at the points <paramref name="first"/>, <paramref name="first"/> + 1, ... of <see cref="Stencil.Multiples"/> for the entry at <paramref name="position"/>.</summary>
    /// <param name="position">The entry's position in the list.</param>
    /// <param name="first">The first point's position in <see cref="Stencil.Multiples"/>.</param>
    /// <param name="at">The values.</param>
    public void Store(int position, int first, ReadOnlySpan<double> at)
    {
        for (int k = 0; k < at.Length; k++)
        {
            // Each entry is written by one worker; the arrays are created before the workers start.
            values[first + k]![position] = at[k];
        }
    }

    /// <summary>Makes room for the outer points; called before the workers that fill them start.</summary>
    public void AddOuter()
    {
        for (int point = Stencil.InnerMultiples.Length; point < values.Length; point++)
        {
            values[point] ??= new double[Count];
        }
    }

    /// <summary>The stencil of the entry at <paramref name="position"/>, NaN at the points not evaluated.</summary>
    /// <param name="center">J at the given point.</param>
    /// <param name="position">The entry's position in the list.</param>
    public Stencil At(double center, int position)
    {
        Span<double> at = stackalloc double[values.Length];
        for (int point = 0; point < values.Length; point++)
        {
            at[point] = values[point] is { } known ? known[position] : double.NaN;
        }

        return Stencil.Of(center, at);
    }
}
