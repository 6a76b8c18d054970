using System.Collections.Immutable;

namespace GradCheck.Differentiation;

/// <summary>
/// A finite-difference rule as data: the points it reads, as multiples of the step h (its grid), and
/// the derivative it approximates. Its coefficients are not stored but computed for the points as they
/// were actually evaluated (x + k h rounded to the element type), by Fornberg's recurrence, so rounding
/// of the points never biases a derivative. Every estimate of the check is one of these values: the
/// central differences, the extrapolated five-point rule, the one-sided rules of the kink test and the
/// fourth difference the noise is measured with. A new stencil is a new value, not a new branch
/// (FiniteDifferences.jl holds a method as its grid and coefficients in the same way).
/// </summary>
/// <remarks>
/// B. Fornberg, "Generation of finite difference formulas on arbitrarily spaced grids", Mathematics of
/// Computation 51 (1988): the weights of the derivative of order q at 0 from values at z_0 .. z_n are
/// built up one point at a time, exact for polynomials of degree n.
/// </remarks>
internal sealed class DifferenceRule
{
    private DifferenceRule(string name, ImmutableArray<int> grid, int derivative, int accuracy)
    {
        Name = name;
        Grid = grid;
        Derivative = derivative;
        Accuracy = accuracy;
    }

    /// <summary>(f(x+h) - f(x-h)) / 2h, accurate to O(h²).</summary>
    public static DifferenceRule Central { get; } = new("central", [-1, 1], 1, 2);

    /// <summary>The same at 2h.</summary>
    public static DifferenceRule CentralWide { get; } = new("central at 2h", [-2, 2], 1, 2);

    /// <summary>(f(x-2h) - 8f(x-h) + 8f(x+h) - f(x+2h)) / 12h, accurate to O(h⁴): Richardson's extrapolation of <see cref="Central"/> and <see cref="CentralWide"/>.</summary>
    public static DifferenceRule FivePoint { get; } = new("five-point", [-2, -1, 1, 2], 1, 4);

    /// <summary>The five-point rule at 2h.</summary>
    public static DifferenceRule FivePointWide { get; } = new("five-point at 2h", [-4, -2, 2, 4], 1, 4);

    /// <summary>The derivative from the right, (-3f(x) + 4f(x+h) - f(x+2h)) / 2h.</summary>
    public static DifferenceRule Right { get; } = new("right", [0, 1, 2], 1, 2);

    /// <summary>The derivative from the left, (3f(x) - 4f(x-h) + f(x-2h)) / 2h.</summary>
    public static DifferenceRule Left { get; } = new("left", [-2, -1, 0], 1, 2);

    /// <summary>The derivative from the right at 2h.</summary>
    public static DifferenceRule RightWide { get; } = new("right at 2h", [0, 2, 4], 1, 2);

    /// <summary>The derivative from the left at 2h.</summary>
    public static DifferenceRule LeftWide { get; } = new("left at 2h", [-4, -2, 0], 1, 2);

    /// <summary>
    /// The fourth derivative on the five inner points, h⁴ f'''' + O(h⁶) once scaled by h⁴: for a smooth
    /// cost nearly nothing but the noise of the values, which is what it measures (<see cref="RichardsonEstimate.NoiseSample"/>).
    /// </summary>
    public static DifferenceRule FourthDifference { get; } = new("fourth difference", [-2, -1, 0, 1, 2], 4, 2);

    /// <summary>The second derivative on x - 2h, x - h, x: the curvature left of x.</summary>
    public static DifferenceRule CurvatureLeft { get; } = new("curvature left", [-2, -1, 0], 2, 1);

    /// <summary>The second derivative on x - h, x, x + h: the curvature across x.</summary>
    public static DifferenceRule CurvatureAcross { get; } = new("curvature across", [-1, 0, 1], 2, 2);

    /// <summary>The second derivative on x, x + h, x + 2h: the curvature right of x.</summary>
    public static DifferenceRule CurvatureRight { get; } = new("curvature right", [0, 1, 2], 2, 1);

    /// <summary>The rule's name, for tests and messages.</summary>
    public string Name { get; }

    /// <summary>The points, as multiples of h.</summary>
    public ImmutableArray<int> Grid { get; }

    /// <summary>The order of the derivative approximated (1 for a gradient).</summary>
    public int Derivative { get; }

    /// <summary>The order p of its truncation error, O(h^p).</summary>
    public int Accuracy { get; }

    /// <summary>
    /// The rule's weights for the points as evaluated: <paramref name="offsets"/>[i] is the actual
    /// distance of grid point i from x (in double, exact for points of float or double).
    /// </summary>
    /// <param name="offsets">One offset per grid point, in the grid's order.</param>
    /// <param name="weights">Receives one weight per grid point.</param>
    public void Weights(ReadOnlySpan<double> offsets, Span<double> weights)
    {
        int n = Grid.Length;
        int q = Derivative;

        // The recurrence multiplies offsets together; on the unit scale it cannot overflow or underflow
        // where the offsets themselves are huge (x = 1e120) or tiny, and a weight of the derivative of
        // order q scales as 1 / scale^q.
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(offsets[i]));
        }

        Span<double> z = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = offsets[i] / scale;
        }

        // c[j, k]: the weight of point j for the derivative of order k, over the points seen so far.
        Span<double> c = stackalloc double[n * (q + 1)];
        c.Clear();
        c[0] = 1;
        double c1 = 1;
        double c4 = z[0];
        for (int i = 1; i < n; i++)
        {
            int top = Math.Min(i, q);
            double c2 = 1;
            double c5 = c4;
            c4 = z[i];
            for (int j = 0; j < i; j++)
            {
                double c3 = z[i] - z[j];
                c2 *= c3;
                if (j == i - 1)
                {
                    for (int k = top; k >= 1; k--)
                    {
                        c[(i * (q + 1)) + k] = c1 * ((k * c[((i - 1) * (q + 1)) + k - 1]) - (c5 * c[((i - 1) * (q + 1)) + k])) / c2;
                    }

                    c[i * (q + 1)] = -c1 * c5 * c[(i - 1) * (q + 1)] / c2;
                }

                for (int k = top; k >= 1; k--)
                {
                    c[(j * (q + 1)) + k] = ((c4 * c[(j * (q + 1)) + k]) - (k * c[(j * (q + 1)) + k - 1])) / c3;
                }

                c[j * (q + 1)] = c4 * c[j * (q + 1)] / c3;
            }

            c1 = c2;
        }

        double unit = Math.Pow(scale, q);
        for (int j = 0; j < n; j++)
        {
            weights[j] = c[(j * (q + 1)) + q] / unit;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
