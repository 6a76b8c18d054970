using CsCheck;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// The random choices behind the mistakes a property plants in a correct gradient: how many entries,
/// which, how far beyond the smallest detectable size, and which way. The property turns them into
/// entries and sizes once it knows the case, so CsCheck shrinks the choices (fewer entries, smaller
/// excess) independently of the case.
/// </summary>
/// <param name="Count">How many entries to change, 1 to <see cref="MaxCount"/> (fewer if theta is shorter).</param>
/// <param name="Picks">Where in theta each change goes, as fractions of its length.</param>
/// <param name="Excess">How far each change goes beyond its smallest size, as a factor: 1e-3 to 1e3.</param>
/// <param name="Negative">Whether each change is downwards.</param>
internal sealed record BugDraw(int Count, double[] Picks, double[] Excess, bool[] Negative)
{
    /// <summary>The most entries changed in one gradient: the default number of worst entries a report lists.</summary>
    public const int MaxCount = GradientCheckOptions.DefaultWorstEntriesShown;

    public static readonly Gen<BugDraw> Any =
        Gen.Select(
            Gen.Int[1, MaxCount],
            Gen.Double.Unit.Array[MaxCount],
            Gen.Double[-3, 3].Select(exponent => Math.Pow(10, exponent)).Array[MaxCount],
            Gen.Bool.Array[MaxCount],
            (count, picks, excess, negative) => new BugDraw(count, picks, excess, negative));

    /// <summary>Distinct entries of a theta of <paramref name="length"/> entries, in the order drawn, with the slot of each.</summary>
    public IEnumerable<(int Slot, int Index)> Entries(int length)
    {
        var taken = new HashSet<int>();
        for (int slot = 0; slot < Math.Min(Count, length); slot++)
        {
            // A pick that lands on a taken entry moves on to the next free one.
            int index = (int)(Picks[slot] * length);
            while (!taken.Add(index))
            {
                index = (index + 1) % length;
            }

            yield return (slot, index);
        }
    }

    public override string ToString() =>
        $"{Count} change(s) at [{string.Join(", ", Picks.Take(Count).Select(p => p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))}], " +
        $"excess [{string.Join(", ", Excess.Take(Count).Select(e => e.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture)))}]";
}
