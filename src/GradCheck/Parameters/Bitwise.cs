using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GradCheck.Parameters;

/// <summary>
/// Bit-for-bit comparison of element spans. Value equality is not enough to prove a parameter was
/// restored: -0.0 == 0.0, and NaN != NaN whatever its payload.
/// </summary>
internal static class Bitwise
{
    public static bool Equal<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right) =>
        left.Length == right.Length && Bytes(left).SequenceEqual(Bytes(right));

    /// <summary>The first index at which two spans of the same length differ bit for bit; -1 when they do not.</summary>
    public static int FirstDifference<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right)
    {
        int index = Bytes(left).CommonPrefixLength(Bytes(right)) / Unsafe.SizeOf<T>();
        return index < left.Length ? index : -1;
    }

    /// <summary>The bits of <paramref name="values"/>, for a fingerprint of them.</summary>
    public static ReadOnlySpan<byte> Bytes<T>(ReadOnlySpan<T> values) =>
        MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(values)),
            values.Length * Unsafe.SizeOf<T>());
}
