namespace GradCheck.Differentiation;

/// <summary>
/// The cost's values on the stencils of a list of entries of one tensor, kept between the passes of a
/// check: the inner points of every entry first, the outer ones of the entries whose verdict the inner
/// points leave open, and the wider points of the entries that climb to larger steps. Memory grows
/// with the entries checked and the points evaluated, not with the tensor.
/// </summary>
internal sealed class StencilValues
{
    /// <summary>The multiples of h that can be stored: ±1, ±2, ±4, and the wider rungs' ±8, ±16, ±32.</summary>
    public static ReadOnlySpan<int> Multiples => [1, -1, 2, -2, 4, -4, 8, -8, 16, -16, 32, -32];

    /// <summary>How many rungs above the base step an entry may climb: steps 2h, 4h and 8h.</summary>
    public const int HighestRung = 3;

    // One array per multiple, in the order of Multiples, created before the workers that fill it start.
    private readonly double[]?[] values = new double[Multiples.Length][];

    /// <param name="count">How many entries.</param>
    public StencilValues(int count)
    {
        Count = count;
    }

    /// <summary>How many entries.</summary>
    public int Count { get; }

    /// <summary>Makes room for the values at <paramref name="multiples"/>; called before the workers that fill them start.</summary>
    public void Add(ReadOnlySpan<int> multiples)
    {
        foreach (int multiple in multiples)
        {
            values[Slot(multiple)] ??= Filled(Count);
        }
    }

    /// <summary>Stores the values at <paramref name="multiples"/> of h for the entry at <paramref name="position"/>.</summary>
    public void Store(int position, ReadOnlySpan<int> multiples, ReadOnlySpan<double> at)
    {
        for (int k = 0; k < multiples.Length; k++)
        {
            // Each entry is written by one worker; the arrays were made before the workers started.
            values[Slot(multiples[k])]![position] = at[k];
        }
    }

    /// <summary>
    /// The stencil of the entry at <paramref name="position"/> on rung <paramref name="rung"/>: its points
    /// are the centre and ±2^rung, ±2^(rung+1), ±2^(rung+2) times h; NaN where not evaluated.
    /// </summary>
    /// <param name="center">J at the given point.</param>
    /// <param name="position">The entry's position in the list.</param>
    /// <param name="rung">0 for the base step h.</param>
    public Stencil At(double center, int position, int rung = 0)
    {
        int unit = 1 << rung;
        return new Stencil(
            center,
            Value(unit, position),
            Value(-unit, position),
            Value(2 * unit, position),
            Value(-2 * unit, position),
            Value(4 * unit, position),
            Value(-4 * unit, position));
    }

    private double Value(int multiple, int position) => values[Slot(multiple)] is { } known ? known[position] : double.NaN;

    private static int Slot(int multiple) => Multiples.IndexOf(multiple) is int slot and >= 0
        ? slot
        : throw new ArgumentOutOfRangeException(nameof(multiple), multiple, "Only ±1, ±2, ±4, ±8, ±16 and ±32 h are stored.");

    private static double[] Filled(int count)
    {
        double[] array = new double[count];
        Array.Fill(array, double.NaN);
        return array;
    }
}
