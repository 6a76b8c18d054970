namespace GradCheck.Differentiation;

/// <summary>
/// Seven numbers laid out on the difference stencil: one at the centre and one at each of ±h, ±2h, ±4h.
/// The same layout holds where the points are (as rounded, in double) and what the function is there,
/// so one entry's whole stencil passes to <see cref="RichardsonEstimate"/> as two values. A value that
/// was not evaluated (the outer points of an entry decided from the inner ones) is NaN.
/// </summary>
/// <param name="Center">At the unperturbed point.</param>
/// <param name="PlusH">At + h.</param>
/// <param name="MinusH">At - h.</param>
/// <param name="Plus2H">At + 2h.</param>
/// <param name="Minus2H">At - 2h.</param>
/// <param name="Plus4H">At + 4h.</param>
/// <param name="Minus4H">At - 4h.</param>
internal readonly record struct Stencil(double Center, double PlusH, double MinusH, double Plus2H, double Minus2H, double Plus4H, double Minus4H)
{
    /// <summary>
    /// The multiples of h of the six perturbed points, in the order of the parameters after
    /// <see cref="Center"/>: callers that loop over the points use this order and <see cref="Of"/>.
    /// </summary>
    public static ReadOnlySpan<int> Multiples => [1, -1, 2, -2, 4, -4];

    /// <summary>The multiples of the inner points, ±h and ±2h, which every entry evaluates: the first four of <see cref="Multiples"/>.</summary>
    public static ReadOnlySpan<int> InnerMultiples => [1, -1, 2, -2];

    /// <summary>The multiples of the outer points, ±4h, evaluated where the inner ones leave the verdict open.</summary>
    public static ReadOnlySpan<int> OuterMultiples => [4, -4];

    /// <summary>The stencil with <paramref name="center"/> and six perturbed values in the order of <see cref="Multiples"/>.</summary>
    public static Stencil Of(double center, ReadOnlySpan<double> perturbed) =>
        new(center, perturbed[0], perturbed[1], perturbed[2], perturbed[3], perturbed.Length > 4 ? perturbed[4] : double.NaN, perturbed.Length > 5 ? perturbed[5] : double.NaN);

    /// <summary>The number at multiple <paramref name="multiple"/> of h (0 for the centre).</summary>
    public double At(int multiple) => multiple switch
    {
        0 => Center,
        1 => PlusH,
        -1 => MinusH,
        2 => Plus2H,
        -2 => Minus2H,
        4 => Plus4H,
        -4 => Minus4H,
        _ => throw new ArgumentOutOfRangeException(nameof(multiple), multiple, "The stencil has the points 0, ±1, ±2 and ±4 h."),
    };
}
