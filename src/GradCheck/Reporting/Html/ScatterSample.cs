using GradCheck.Comparison;

namespace GradCheck.Reporting.Html;

/// <summary>
/// Which entries the scatter plot draws: at most <see cref="MaxPoints"/>, so that a tensor of 61,440
/// entries stays a picture of a few hundred kilobytes. Failing entries come first, all of them up to
/// <see cref="MaxFailedPoints"/>; passing ones fill the rest. Where a group must be thinned, the
/// entries kept are evenly spaced by index, so that the same report always draws the same points and
/// every region of the tensor is represented.
/// </summary>
internal sealed class ScatterSample
{
    /// <summary>The most points a scatter plot draws.</summary>
    public const int MaxPoints = 2000;

    /// <summary>The most failing points; the rest of <see cref="MaxPoints"/> shows what passing looks like.</summary>
    public const int MaxFailedPoints = 1500;

    private ScatterSample(int[] passed, int passedTotal, int[] failed, int failedTotal)
    {
        Passed = passed;
        PassedTotal = passedTotal;
        Failed = failed;
        FailedTotal = failedTotal;
    }

    /// <summary>The passing entries drawn, in index order.</summary>
    public IReadOnlyList<int> Passed { get; }

    /// <summary>How many entries pass.</summary>
    public int PassedTotal { get; }

    /// <summary>The failing entries drawn, in index order; drawn last, on top of the passing ones.</summary>
    public IReadOnlyList<int> Failed { get; }

    /// <summary>How many entries fail.</summary>
    public int FailedTotal { get; }

    /// <summary>How many entries are drawn.</summary>
    public int Count => Passed.Count + Failed.Count;

    /// <summary>How many entries were checked: the tensor's, unless the check was partial.</summary>
    public int Total => PassedTotal + FailedTotal;

    /// <summary>Whether every entry is drawn.</summary>
    public bool IsComplete => Count == Total;

    /// <summary>Chooses the entries of a tensor to draw.</summary>
    public static ScatterSample Of(TensorEntries entries)
    {
        var passed = new List<int>();
        var failed = new List<int>();
        foreach (int i in entries.CheckedIndices)
        {
            (entries.Failed(i) ? failed : passed).Add(i);
        }

        int[] failedShown = EvenlySpaced(failed, MaxFailedPoints);
        int[] passedShown = EvenlySpaced(passed, MaxPoints - failedShown.Length);
        return new ScatterSample(passedShown, passed.Count, failedShown, failed.Count);
    }

    /// <summary>
    /// <paramref name="count"/> items of <paramref name="items"/> at evenly spaced positions, the
    /// middle of each of <paramref name="count"/> equal stretches; all of them when there are no more.
    /// </summary>
    public static int[] EvenlySpaced(IReadOnlyList<int> items, int count)
    {
        if (items.Count <= count)
        {
            return [.. items];
        }

        var chosen = new int[count];
        for (int k = 0; k < count; k++)
        {
            chosen[k] = items[(int)((((2L * k) + 1) * items.Count) / (2L * count))];
        }

        return chosen;
    }
}
