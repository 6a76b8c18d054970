namespace GradCheck.Tests.Support;

/// <summary>
/// The bit patterns of a float or double container, row-major, so that "unchanged" can be asserted
/// bit for bit (value equality would accept +0.0 for -0.0) independently of the library's own Bitwise.
/// </summary>
internal static class Bits
{
    public static ulong[] Of(Array values)
    {
        var bits = new List<ulong>(values.Length);
        foreach (object? value in values)
        {
            bits.Add(value switch
            {
                double d => BitConverter.DoubleToUInt64Bits(d),
                float f => BitConverter.SingleToUInt32Bits(f),
                _ => throw new ArgumentException("Only float and double containers are supported.", nameof(values)),
            });
        }

        return [.. bits];
    }

    /// <summary>The bits of every container of a parameter dictionary, by name.</summary>
    public static Dictionary<string, ulong[]> Of(IEnumerable<KeyValuePair<string, Array>> containers) =>
        containers.ToDictionary(pair => pair.Key, pair => Of(pair.Value), StringComparer.Ordinal);
}
