namespace GradCheck.Coverage;

/// <summary>
/// The random numbers of the fast and sampled checks: SplitMix64 (Steele, Lea and Flood, 2014), fixed
/// here rather than taken from <see cref="Random"/>, whose seeded sequence .NET does not promise to keep
/// across versions; the same seed must give the same directions, samples and report everywhere.
/// </summary>
internal struct SeededRandom
{
    private ulong state;

    /// <summary>A stream for one use of one seed: <paramref name="stream"/> and <paramref name="substream"/> tell the tensors and directions apart.</summary>
    public SeededRandom(int seed, int stream, int substream)
    {
        state = Mix(Mix((ulong)(uint)seed) ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL) ^ ((ulong)(uint)substream * 0xABC98388FB8FAC03UL));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), by Lemire's multiply-shift (bias below 2^-32).</summary>
    public int NextInt(int bound) => (int)(((NextBits() >> 32) * (ulong)bound) >> 32);

    /// <summary>A uniform double in (0, 1].</summary>
    public double NextUnit() => ((NextBits() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>A standard normal, by the Box–Muller transform.</summary>
    public double NextGaussian() => Math.Sqrt(-2 * Math.Log(NextUnit())) * Math.Cos(2 * Math.PI * NextUnit());

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
