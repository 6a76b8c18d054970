using System.Globalization;

namespace GradCheck.Zoo;

/// <summary>What moving one parameter entry does to a ReLU network on the half grid, found exactly.</summary>
/// <param name="Tensor">The parameter's name.</param>
/// <param name="Row">The entry's row.</param>
/// <param name="Column">The entry's column.</param>
/// <param name="Left">The cost's derivative along the entry from below, J'(0-), exactly up to the rounding of the residuals.</param>
/// <param name="Right">The cost's derivative from above, J'(0+).</param>
/// <param name="IsKink">Whether the network's output changes slope at the point along this entry, for some example.</param>
/// <param name="Switching">How many ReLU pre-activations (unit and example) sit at 0 and switch on or off as the entry moves through the point.</param>
/// <param name="HasInteriorBreakpoint">Whether some pre-activation changes sign strictly inside the reach, away from the point (the zoo's half-grid networks are drawn until none does).</param>
internal sealed record EntryKinks(string Tensor, int Row, int Column, double Left, double Right, bool IsKink, int Switching, bool HasInteriorBreakpoint)
{
    /// <summary>The entry, such as <c>W1[2,0]</c>.</summary>
    public string Label => ZooProblem<double>.EntryLabel(Tensor, Row, Column);

    /// <summary>Whether two or more kinks meet at the point along this entry.</summary>
    public bool IsMeeting => IsKink && Switching >= 2;
}

/// <summary>
/// The exact kink analysis of a dense network with ReLU hidden layers and a linear output under the
/// half mean squared error, whose inputs are small integers and whose hidden and output weights and
/// hidden biases are multiples of 1/2 (the output bias and the targets may be any reals).
/// </summary>
/// <remarks>
/// <para>
/// Along one entry, <c>θ + t e</c>, every pre-activation is piecewise affine in t, and on such a grid
/// every value the forward pass computes at <c>t = ±δ</c> with <c>δ = 2^-20 max(1, |θ|)</c> is a dyadic
/// rational of a few dozen bits, so double arithmetic computes it exactly. A breakpoint other than
/// t = 0 needs a pre-activation of at least 1/4 in size to move to 0, which takes |t| of order 1e-2, far
/// beyond δ; so the values at ±δ are those of the two pieces that meet at t = 0, and the output's slope
/// on each, (out(±δ) - out(0)) / ±δ without the output bias, is exact. Comparing signs at ±δ with
/// those at ±<see cref="ZooProblem{T}.StencilReach"/> max(1, |θ|) tells whether another breakpoint
/// lies within the reach (the pieces are affine, so the same signs at both ends mean the same signs
/// all along).
/// </para>
/// <para>
/// An entry is a kink when the output's slope differs between the two pieces for some example. The
/// cost's one-sided derivatives are then <c>J'(0±) = (1/m) Σ_k r_k s±_k</c>, with r the residuals and s±
/// the exact slopes, and they differ unless the residuals happen to weigh the slope changes to 0 (a
/// coincidence of real numbers). The entries where two or more pre-activations switch at t = 0 are where
/// kinks meet.
/// </para>
/// </remarks>
internal static class ReluKinkAnalysis
{
    /// <summary>The probe offset relative to max(1, |θ|): 2^-20.</summary>
    public const double Probe = 1.0 / (1 << 20);

    /// <summary>Every entry's kinks, in parameter order.</summary>
    /// <param name="parameters">The network's parameters in double (W1, b1, ..., WL, bL); perturbed in place and restored.</param>
    /// <param name="activations">Each layer's activation: ReLU for the hidden layers, identity for the output.</param>
    /// <param name="x">The inputs, examples in columns.</param>
    /// <param name="y">The targets.</param>
    public static List<EntryKinks> Analyse(Dictionary<string, double[,]> parameters, Activation[] activations, double[,] x, double[,] y)
    {
        var stack = new DenseStack<double>(parameters, activations);
        int layers = stack.LayerCount;
        string outputBias = "b" + layers.ToString(CultureInfo.InvariantCulture);
        int examples = x.GetLength(1);
        (double[] linear0, int[] signs0, double[] output0) = Evaluate(stack, parameters, layers, x);
        double[] residuals = [.. output0.Select((value, k) => value - y[0, k])];
        var result = new List<EntryKinks>();
        foreach ((string name, double[,] parameter) in parameters)
        {
            for (int i = 0; i < parameter.GetLength(0); i++)
            {
                for (int j = 0; j < parameter.GetLength(1); j++)
                {
                    double original = parameter[i, j];
                    double scale = Math.Max(1.0, Math.Abs(original));
                    double delta = Probe * scale;
                    double reach = ZooProblem<double>.StencilReach * scale;
                    (double[] Linear, int[] Signs) Moved(double t)
                    {
                        parameter[i, j] = original + t;
                        try
                        {
                            (double[] linear, int[] signs, _) = Evaluate(stack, parameters, layers, x);
                            return (linear, signs);
                        }
                        finally
                        {
                            parameter[i, j] = original;
                        }
                    }

                    (double[] plus, int[] plusSigns) = Moved(delta);
                    (double[] minus, int[] minusSigns) = Moved(-delta);
                    (_, int[] farPlusSigns) = Moved(reach);
                    (_, int[] farMinusSigns) = Moved(-reach);
                    bool interior = !plusSigns.AsSpan().SequenceEqual(farPlusSigns) || !minusSigns.AsSpan().SequenceEqual(farMinusSigns);

                    // The output bias moves every output with slope 1, which W_L a_{L-1} leaves out.
                    double biasSlope = name == outputBias ? 1.0 : 0.0;
                    bool kink = false;
                    double left = 0.0, right = 0.0;
                    for (int k = 0; k < examples; k++)
                    {
                        double slopeRight = ((plus[k] - linear0[k]) / delta) + biasSlope;
                        double slopeLeft = ((linear0[k] - minus[k]) / delta) + biasSlope;
                        kink |= slopeRight != slopeLeft;
                        right += residuals[k] * slopeRight;
                        left += residuals[k] * slopeLeft;
                    }

                    int switching = 0;
                    for (int q = 0; q < signs0.Length; q++)
                    {
                        switching += signs0[q] == 0 && (plusSigns[q] > 0) != (minusSigns[q] > 0) ? 1 : 0;
                    }

                    result.Add(new EntryKinks(name, i, j, left / examples, right / examples, kink, switching, interior));
                }
            }
        }

        return result;
    }

    /// <summary>W_L a_{L-1} per example (the output without its bias, exact), the signs of every hidden pre-activation, and the output.</summary>
    private static (double[] Linear, int[] Signs, double[] Output) Evaluate(DenseStack<double> stack, Dictionary<string, double[,]> parameters, int layers, double[,] x)
    {
        (double[][,] z, double[][,] a) = stack.Forward(x);
        double[,] linear = Matrix.Product(parameters["W" + layers.ToString(CultureInfo.InvariantCulture)], a[layers - 1]);
        int[] signs = [.. Enumerable.Range(1, layers - 1).SelectMany(l => z[l].Cast<double>()).Select(Math.Sign)];
        return ([.. linear.Cast<double>()], signs, [.. a[layers].Cast<double>()]);
    }
}
