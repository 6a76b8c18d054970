namespace GradCheck.Differentiation;

/// <summary>
/// Seven numbers laid out on the Richardson stencil: one at the centre and one at each of ±h, ±2h, ±4h.
/// The same layout holds where the points are (as rounded, in double) and what the function is there,
/// so one entry's whole stencil passes to <see cref="RichardsonEstimate"/> as two values.
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

    /// <summary>The stencil with <paramref name="center"/> and six perturbed values in the order of <see cref="Multiples"/>.</summary>
    public static Stencil Of(double center, ReadOnlySpan<double> perturbed) =>
        new(center, perturbed[0], perturbed[1], perturbed[2], perturbed[3], perturbed[4], perturbed[5]);
}
