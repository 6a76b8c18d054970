using System.Numerics;

namespace GradCheck.Layers;

/// <summary>
/// The seeded random upstream gradient dy of a layer check. Every entry is drawn from N(0, 1), so
/// that no output's contribution to J = &lt;dy, f(x)&gt; is zero or cancels another by construction, and
/// a wrong term anywhere in the backward pass shows in J's gradient (as PyTorch's gradcheck projects
/// its outputs on random vectors in fast mode).
/// </summary>
internal static class UpstreamGradient
{
    public static T[] Draw<T>(int length, int seed)
        where T : IFloatingPointIeee754<T>
    {
        // System.Random with a seed is the same sequence on every platform and .NET version.
        var random = new Random(seed);
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            // Box-Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            values[i] = T.CreateTruncating(radius * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }

        return values;
    }
}
