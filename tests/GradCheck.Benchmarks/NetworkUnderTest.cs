using GradCheck.Examples.Models;

namespace GradCheck.Benchmarks;

/// <summary>
/// What every benchmark's network shares, whatever its element type: its seed, its layer sizes and
/// the input sizes of this run. The network itself, in double or in float, is <see cref="NetworkUnderTest{T}"/>.
/// </summary>
/// <remarks>
/// A dry run (<c>--job dry</c>, the CI smoke test) only has to prove that every benchmark runs and
/// validates; on the full network that alone takes minutes. It uses the same network on the first
/// <see cref="SmokeInputs"/> inputs of the same image instead, which the benchmarks' <c>Inputs</c>
/// column shows, so a dry run's figures cannot be taken for the real ones.
/// </remarks>
public static class NetworkUnderTest
{
    /// <summary>The seed of the parameters and of the image's noise.</summary>
    public const int Seed = 2;

    /// <summary>The inputs of a dry run's network: the top row of the image (64 pixels, 3 channels), 1,001 parameters.</summary>
    public const int SmokeInputs = 192;

    /// <summary>
    /// Whether this run is a smoke test, set by the program before any benchmark is built; the
    /// input sizes are read in the host process, and each benchmark process gets its size as a parameter.
    /// </summary>
    public static bool IsSmokeTest { get; set; }

    /// <summary>The input sizes the benchmarks run on: the full image, or <see cref="SmokeInputs"/> in a smoke test.</summary>
    public static IEnumerable<int> InputSizes => IsSmokeTest ? [SmokeInputs] : [SeedData.ImageLength];

    /// <summary>The number of entries of the network with <paramref name="inputs"/> inputs, counted on the network itself.</summary>
    public static int EntryCountOf(int inputs) =>
        new DenseNetwork<double>(LayerSizes(inputs), Activation.Tanh, seed: Seed).Parameters.Values.Sum(parameter => parameter.Length);

    /// <summary>The layer sizes [inputs, 5, 5, 1].</summary>
    /// <param name="inputs">The input layer's size.</param>
    public static int[] LayerSizes(int inputs) => [inputs, 5, 5, 1];
}
