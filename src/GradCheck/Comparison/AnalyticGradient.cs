using System.IO.Hashing;
using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Differentiation;
using GradCheck.Parameters;

namespace GradCheck.Comparison;

/// <summary>
/// One tensor's analytic gradient a, as the check reads it: copied when the check compares every entry
/// (the report keeps every entry anyway, and a backward pass that reuses its buffers cannot change the
/// copy), copied at the sampled entries alone when it compares a sample, and read where the user keeps it
/// when it checks along random directions, whose dot products need every entry: a copy there would hold
/// 8 bytes for every entry of a tensor of which a handful are differentiated.
/// </summary>
/// <remarks>
/// A gradient read in place could be changed by the cost itself (a forward pass that also runs the
/// backward pass into the same arrays, or clears them): its bits are fingerprinted before the check
/// evaluates anything, and every probe that read it checks the fingerprint again once its evaluations
/// are done (<see cref="ThrowIfChanged"/>), so that no verdict rests on values the cost wrote.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class AnalyticGradient<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly string name;
    private readonly TensorStorage<T> given;

    /// <summary>a in double: every entry, or the entries of <see cref="copiedAt"/>; null when read in place.</summary>
    private readonly double[]? copy;

    /// <summary>The entries copied, in increasing order; null when every entry is, or none.</summary>
    private readonly int[]? copiedAt;

    /// <summary>The bits of the gradient read in place, when the check started.</summary>
    private readonly ulong fingerprint;

    private AnalyticGradient(string name, TensorStorage<T> given, double[]? copy, int[]? copiedAt)
    {
        this.name = name;
        this.given = given;
        this.copy = copy;
        this.copiedAt = copiedAt;
        if (copy is null)
        {
            fingerprint = XxHash3.HashToUInt64(Bitwise.Bytes<T>(given.Span));
        }
    }

    /// <summary>The number of entries of the tensor.</summary>
    public int Length => given.Length;

    /// <summary>a at entry <paramref name="index"/>, in double.</summary>
    /// <exception cref="InvalidOperationException">Only a sample was copied, and the entry is not in it.</exception>
    public double this[int index]
    {
        get
        {
            if (copiedAt is null)
            {
                return Everywhere()[index];
            }

            int slot = Array.BinarySearch(copiedAt, index);
            return slot >= 0 ? copy![slot] : throw new InvalidOperationException($"Entry {index} of the gradient of {name} was not copied: only the sampled entries were.");
        }
    }

    /// <summary>
    /// Every entry, for a pass over many of them (a direction's dot product and points): the span read once,
    /// not per entry. A gradient of which only a sample was copied has no such view.
    /// </summary>
    /// <exception cref="InvalidOperationException">Only a sample was copied.</exception>
    public Reader Everywhere() => copiedAt is null
        ? new Reader(copy, given.Span)
        : throw new InvalidOperationException($"Only the sampled entries of the gradient of {name} were copied.");

    /// <summary>The entries <see cref="this[int]"/> can read: every one, unless only a sample was copied.</summary>
    public IEnumerable<int> Readable => copiedAt ?? Enumerable.Range(0, Length);

    /// <summary>Every entry, copied in double, so that nothing the cost or a backward pass writes later changes it.</summary>
    /// <param name="name">The parameter's name, for messages.</param>
    /// <param name="gradient">The gradient as given.</param>
    public static AnalyticGradient<T> Copy(string name, TensorStorage<T> gradient)
    {
        double[] values = new double[gradient.Length];
        TensorPrimitives.ConvertTruncating<T, double>(gradient.Span, values);
        return new AnalyticGradient<T>(name, gradient, values, copiedAt: null);
    }

    /// <summary>The entries at <paramref name="indices"/> alone, copied in double.</summary>
    /// <param name="name">The parameter's name, for messages.</param>
    /// <param name="gradient">The gradient as given.</param>
    /// <param name="indices">The entries to copy, in increasing order.</param>
    public static AnalyticGradient<T> CopyAt(string name, TensorStorage<T> gradient, int[] indices)
    {
        ReadOnlySpan<T> values = gradient.Span;
        double[] copied = new double[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            copied[k] = double.CreateTruncating(values[indices[k]]);
        }

        return new AnalyticGradient<T>(name, gradient, copied, indices);
    }

    /// <summary>Every entry, read where the user keeps them, fingerprinted now (see the remarks).</summary>
    /// <param name="name">The parameter's name, for messages.</param>
    /// <param name="gradient">The gradient as given.</param>
    public static AnalyticGradient<T> InPlace(string name, TensorStorage<T> gradient) =>
        new(name, gradient, copy: null, copiedAt: null);

    /// <summary>
    /// Throws <see cref="GradientWrittenException"/> if the gradient is read in place and its bits are no
    /// longer those it had when the check started: called once the evaluations of a probe that read it are
    /// done, and before the entries are judged.
    /// </summary>
    public void ThrowIfChanged()
    {
        if (copy is null && XxHash3.HashToUInt64(Bitwise.Bytes<T>(given.Span)) != fingerprint)
        {
            throw new GradientWrittenException(name);
        }
    }

    /// <summary>a at <paramref name="indices"/>, in their order; at every entry when null.</summary>
    public double[] At(int[]? indices)
    {
        if (copy is not null && copiedAt is null && indices is null)
        {
            return copy;
        }

        ThrowIfChanged();
        double[] values = new double[indices?.Length ?? Length];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = this[indices?[k] ?? k];
        }

        return values;
    }

    /// <summary>a at any entry, from the copy or from the gradient where it is kept (<see cref="Everywhere"/>).</summary>
    public readonly ref struct Reader
    {
        private readonly ReadOnlySpan<double> copy;
        private readonly ReadOnlySpan<T> inPlace;
        private readonly bool copied;

        internal Reader(double[]? copy, ReadOnlySpan<T> inPlace)
        {
            this.copy = copy;
            this.inPlace = inPlace;
            copied = copy is not null;
        }

        /// <summary>a at entry <paramref name="index"/>, in double.</summary>
        public double this[int index] => copied ? copy[index] : double.CreateTruncating(inPlace[index]);
    }
}
