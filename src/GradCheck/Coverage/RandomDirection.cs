namespace GradCheck.Coverage;

/// <summary>
/// A seeded Gaussian direction of unit length over a number of entries, drawn again from its seed on
/// every pass over the entries instead of held: a direction over a tensor of 100 million entries would
/// otherwise be 800 MB, for a check whose report is a handful of numbers. The same seed gives the same
/// values, bit for bit, on every pass.
/// </summary>
internal readonly struct RandomDirection
{
    private readonly int seed;
    private readonly int stream;
    private readonly int substream;

    /// <summary>Draws the direction once to find its length, 1 / |v| being the scale of every later draw.</summary>
    public RandomDirection(int seed, int stream, int substream, int length)
    {
        this.seed = seed;
        this.stream = stream;
        this.substream = substream;
        Length = length;
        SeededRandom random = Start();
        double squares = 0;
        for (int i = 0; i < length; i++)
        {
            double value = random.NextGaussian();
            squares += value * value;
        }

        Scale = 1 / Math.Sqrt(squares);
    }

    /// <summary>How many entries the direction has.</summary>
    public int Length { get; }

    /// <summary>1 / the length of the unscaled draws.</summary>
    public double Scale { get; }

    /// <summary>The stream a pass draws from, entry 0 first.</summary>
    public SeededRandom Start() => new(seed, stream, substream);

    /// <summary>The next entry of the direction, of the pass that <paramref name="random"/> belongs to.</summary>
    public double Next(ref SeededRandom random) => random.NextGaussian() * Scale;
}
