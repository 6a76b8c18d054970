namespace GradCheck.Tests.Support;

/// <summary>
/// J = ½ ||W2||² + ½ ||b2||², W2 (2, 4) and b2 (2): its gradient is the parameters themselves, so a
/// report can be made to fail at exactly the entries a test chooses.
/// </summary>
internal sealed class SquaredNorm
{
    public double[,] W2 { get; } = { { 0.5, -1.0, 1.5, -2.0 }, { 0.25, 0.75, -1.25, 1.75 } };

    public double[] B2 { get; } = [0.3, -0.6];

    public Dictionary<string, Array> Parameters => new(StringComparer.Ordinal) { ["W2"] = W2, ["b2"] = B2 };

    public double Cost()
    {
        double total = 0;
        foreach (double w in W2)
        {
            total += w * w;
        }

        foreach (double b in B2)
        {
            total += b * b;
        }

        return total / 2;
    }

    public Dictionary<string, Array> Gradient() =>
        new(StringComparer.Ordinal) { ["dW2"] = (double[,])W2.Clone(), ["db2"] = (double[])B2.Clone() };
}
