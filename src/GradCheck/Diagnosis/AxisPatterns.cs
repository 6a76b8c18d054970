using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// The index mistakes of convolutions and other layers over N-D tensors, where values land at the
/// wrong index along some axes and the right one along the others: the entries reversed over one or
/// several axes (a kernel rotated 180°, a correlation written where a convolution was meant), shifted
/// by one over one or several axes (padding or a stride off by one), or two axes swapped (channel axes
/// in the wrong order). Each is tested, like every pattern of the diagnosis, as "a[k] equals n at the
/// moved index" for every entry that has one (<see cref="EntryMatch.Fit"/>).
/// </summary>
/// <remarks>
/// The axes of size 1 move nothing and are left out. Candidates are tried from the fewest axes moved to
/// the most, and reversals (which move every entry) before shifts (which leave the edge without a
/// partner), so that an axis of size 2, where both fit, is named reversed; an axis along which n does
/// not change fits any move, so the fewest axes that explain the failure are named. A shift must have
/// at least <see cref="LeastPartnered"/> entries with a partner, so that a tiny tensor's one or two
/// entries cannot make a pattern by chance.
/// </remarks>
internal static class AxisPatterns
{
    /// <summary>The most axes a reversal or a shift is looked for over at once (3^k - 1 shifts for k axes).</summary>
    public const int MostAxesMoved = 3;

    /// <summary>The fewest entries with a partner a shift needs to be named.</summary>
    public const int LeastPartnered = 4;

    /// <summary>Index letters: not <c>n</c>, which is the numerical gradient.</summary>
    private const string Letters = "ijklpqrstuvw";

    /// <summary>A reversal, a swap of two axes or a shift by one over some axes of a tensor of rank 2 or more that explains its failure; null when none does.</summary>
    public static TensorDiagnosis? Find(TensorEntries entries, IReadOnlyList<int> shape, string noun)
    {
        int[] dims = [.. shape];
        int[] moving = [.. Enumerable.Range(0, dims.Length).Where(axis => dims[axis] > 1)];
        if (dims.Length < 2 || dims.Length > Letters.Length || moving.Length < 2)
        {
            // A vector (or a tensor with one axis of more than one entry) is the row-major order's case.
            return null;
        }

        int[] strides = Strides(dims);
        int[][] subsets = [.. Subsets(moving).Where(subset => subset.Length <= MostAxesMoved).OrderBy(subset => subset.Length)];
        foreach (int[] axes in subsets)
        {
            if (Holds(entries, flat => Reversed(flat, dims, strides, axes)).Holds is true)
            {
                return Reversal(dims, axes, noun);
            }
        }

        if (dims.Length >= 3)
        {
            foreach (int[] pair in subsets.Where(subset => subset.Length == 2))
            {
                int[] order = Swapped(dims.Length, pair[0], pair[1]);
                int[] movedDims = [.. order.Select(axis => dims[axis])];
                int[] movedStrides = Strides(movedDims);
                if (Holds(entries, flat => PouredFromPermuted(flat, movedDims, movedStrides, order, strides)).Holds is true)
                {
                    return AxesSwapped(dims, movedDims, pair[0], pair[1], noun);
                }
            }
        }

        foreach (int[] axes in subsets)
        {
            foreach (int[] steps in Signs(axes.Length))
            {
                PatternFit fit = Holds(entries, flat => Shifted(flat, dims, strides, axes, steps));
                if (fit.Holds && fit.Compared >= LeastPartnered)
                {
                    return Shift(entries, dims, strides, axes, steps, noun);
                }
            }
        }

        return null;
    }

    /// <summary>Whether a[k] = n[source(k)] wherever a source exists, explaining a failure.</summary>
    private static PatternFit Holds(TensorEntries entries, Func<int, int> source)
    {
        PatternFit fit = EntryMatch.Fit(entries, Enumerable.Range(0, entries.Length), entries, source, factor: 1);
        return fit with { Holds = fit.Holds && fit.ExplainsAFailure };
    }

    private static TensorDiagnosis Reversal(int[] dims, int[] axes, string noun)
    {
        string[] source = [.. Enumerable.Range(0, dims.Length).Select(axis => axes.Contains(axis)
            ? string.Create(CultureInfo.InvariantCulture, $"{dims[axis] - 1}-{Letters[axis]}")
            : Letters[axis].ToString())];
        bool kernel = dims.Length >= 3 && axes.Length == 2 && axes.SequenceEqual([dims.Length - 2, dims.Length - 1]);
        string hint = kernel
            ? "a kernel rotated 180°: a convolution written where a correlation was meant, or the other way round?"
            : "a convolution kernel flipped?";
        return new TensorDiagnosis(
            BugKind.Reversed,
            $"reversed along {AxesInWords(dims.Length, axes)}: a[{Indices(dims.Length)}] = n[{string.Join(",", source)}], the numerical {noun} flipped ({hint})");
    }

    private static TensorDiagnosis AxesSwapped(int[] dims, int[] movedDims, int first, int second, string noun)
    {
        string which = string.Create(CultureInfo.InvariantCulture, $"its {Ordinal(first)} and {Ordinal(second)} axes");
        string hint = second < dims.Length - 2 ? " (channel axes in the wrong order?)"
            : first == dims.Length - 2 ? " (each kernel or image transposed?)"
            : string.Empty;
        if (dims[first] == dims[second])
        {
            char[] source = [.. Indices(dims.Length).Where(letter => letter != ',')];
            (source[first], source[second]) = (source[second], source[first]);
            return new TensorDiagnosis(
                BugKind.Transposed,
                $"{which} swapped: a[{Indices(dims.Length)}] = n[{string.Join(",", source)}]{hint}");
        }

        return new TensorDiagnosis(
            BugKind.Transposed,
            string.Create(CultureInfo.InvariantCulture, $"{which} swapped: its entries, in row-major order, are those of the numerical {noun} with these axes swapped ({string.Join(", ", movedDims)}){hint}"));
    }

    private static TensorDiagnosis Shift(TensorEntries entries, int[] dims, int[] strides, int[] axes, int[] steps, string noun)
    {
        string[] source = [.. Enumerable.Range(0, dims.Length).Select(axis =>
            Array.IndexOf(axes, axis) is var at and >= 0
                ? $"{Letters[axis]}{(steps[at] < 0 ? "-" : "+")}1"
                : Letters[axis].ToString())];
        int[] edge = [.. Enumerable.Range(0, entries.Length).Where(flat => Shifted(flat, dims, strides, axes, steps) < 0)];
        bool edgeZero = edge.All(flat => entries.Analytic[flat] == 0);
        string edgeText = edgeZero
            ? $"the {Wording.Count(edge.Length, "entry", "entries")} with no partner at the edge {(edge.Length == 1 ? "is" : "are")} 0"
            : $"the {Wording.Count(edge.Length, "entry", "entries")} with no partner at the edge hold other values";
        return new TensorDiagnosis(
            BugKind.ShiftedByOne,
            $"shifted by one along {AxesInWords(dims.Length, axes)}: a[{Indices(dims.Length)}] = n[{string.Join(",", source)}], and {edgeText} (padding or a stride off by one?)");
    }

    /// <summary>The flat index of the entry mirrored over <paramref name="axes"/>.</summary>
    private static int Reversed(int flat, int[] dims, int[] strides, int[] axes)
    {
        int source = flat;
        foreach (int axis in axes)
        {
            int index = flat / strides[axis] % dims[axis];
            source += (dims[axis] - 1 - (2 * index)) * strides[axis];
        }

        return source;
    }

    /// <summary>The flat index of the entry <paramref name="steps"/> away over <paramref name="axes"/>, or -1 past the edge.</summary>
    private static int Shifted(int flat, int[] dims, int[] strides, int[] axes, int[] steps)
    {
        int source = flat;
        for (int i = 0; i < axes.Length; i++)
        {
            int axis = axes[i];
            int index = (flat / strides[axis] % dims[axis]) + steps[i];
            if (index < 0 || index >= dims[axis])
            {
                return -1;
            }

            source += steps[i] * strides[axis];
        }

        return source;
    }

    /// <summary>
    /// The flat index in n of the entry that lands at <paramref name="flat"/> when n, permuted to
    /// axes <paramref name="order"/> (shape <paramref name="movedDims"/>), is stored in row-major order.
    /// </summary>
    private static int PouredFromPermuted(int flat, int[] movedDims, int[] movedStrides, int[] order, int[] strides)
    {
        int source = 0;
        for (int k = 0; k < order.Length; k++)
        {
            source += flat / movedStrides[k] % movedDims[k] * strides[order[k]];
        }

        return source;
    }

    private static int[] Strides(int[] dims)
    {
        int[] strides = new int[dims.Length];
        int stride = 1;
        for (int axis = dims.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= dims[axis];
        }

        return strides;
    }

    private static int[] Swapped(int rank, int first, int second)
    {
        int[] order = [.. Enumerable.Range(0, rank)];
        (order[first], order[second]) = (second, first);
        return order;
    }

    /// <summary>Every non-empty subset of <paramref name="axes"/>, each in increasing order.</summary>
    private static IEnumerable<int[]> Subsets(int[] axes) =>
        Enumerable.Range(1, (1 << axes.Length) - 1)
            .Select(mask => axes.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    /// <summary>Every assignment of -1 or +1 to <paramref name="count"/> axes.</summary>
    private static IEnumerable<int[]> Signs(int count) =>
        Enumerable.Range(0, 1 << count)
            .Select(mask => Enumerable.Range(0, count).Select(i => (mask & (1 << i)) != 0 ? 1 : -1).ToArray());

    private static string Indices(int rank) => string.Join(",", Letters.Take(rank));

    /// <summary>Such as <c>its last two axes</c>, <c>its first axis</c>, <c>its first and third axes</c>.</summary>
    internal static string AxesInWords(int rank, int[] axes)
    {
        bool trailing = axes.SequenceEqual(Enumerable.Range(rank - axes.Length, axes.Length));
        if (trailing && axes.Length < rank)
        {
            return axes.Length == 1 ? "its last axis" : $"its last {Number(axes.Length)} axes";
        }

        string[] ordinals = [.. axes.Select(Ordinal)];
        return ordinals.Length == 1
            ? $"its {ordinals[0]} axis"
            : $"its {string.Join(", ", ordinals[..^1])} and {ordinals[^1]} axes";
    }

    private static string Ordinal(int axis) => axis switch
    {
        0 => "first",
        1 => "second",
        2 => "third",
        3 => "fourth",
        4 => "fifth",
        5 => "sixth",
        _ => string.Create(CultureInfo.InvariantCulture, $"{axis + 1}th"),
    };

    private static string Number(int count) => count switch
    {
        2 => "two",
        3 => "three",
        _ => count.ToString(CultureInfo.InvariantCulture),
    };
}
