using System.Numerics;
using GradCheck.Coverage;

namespace GradCheck.Layers;

/// <summary>
/// The seeded random upstream gradient dy of a layer check. Every entry is drawn from N(0, 1), so
/// that no output's contribution to J = &lt;dy, f(x)&gt; is zero or cancels another by construction, and
/// a wrong term anywhere in the backward pass shows in J's gradient (as PyTorch's gradcheck projects
/// its outputs on random vectors in fast mode).
/// </summary>
internal static class UpstreamGradient
{
    /// <summary>dy: <paramref name="length"/> draws from N(0, 1), the same for the same seed on every platform and .NET version.</summary>
    /// <param name="length">How many outputs the layer has.</param>
    /// <param name="seed">The layer check's seed, printed in its report.</param>
    public static T[] Draw<T>(int length, int seed)
        where T : IFloatingPointIeee754<T>
    {
        // SeededRandom, not System.Random, whose seeded sequence .NET does not promise to keep across
        // versions: the seed printed in the report must draw the same dy everywhere. The seed draws dy
        // alone, so one fixed stream serves.
        var random = new SeededRandom(seed, stream: 0, substream: 0);
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateTruncating(random.NextGaussian());
        }

        return values;
    }
}
