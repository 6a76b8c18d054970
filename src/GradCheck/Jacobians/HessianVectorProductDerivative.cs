using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Jacobians;

/// <summary>
/// The product H v of the Hessian with a direction, checked as the derivative of the gradient function
/// g along v, d/dt g(x + t v) at t = 0 (<see cref="DirectionalDifference"/>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class HessianVectorProductDerivative<T> : IVectorDerivative<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The name the product is reported under, as in <c>Hv[3]</c>.</summary>
    public const string Name = "Hv";

    private readonly T[] x;
    private readonly T[] direction;

    /// <param name="x">The point; read, never written.</param>
    /// <param name="direction">v, as long as x, finite and not 0.</param>
    /// <param name="product">The analytic H v, as long as x.</param>
    /// <exception cref="ArgumentException">v or the product is not as long as x, v is not finite or is 0.</exception>
    public HessianVectorProductDerivative(T[] x, T[] direction, T[] product)
    {
        ThrowIfUnusable(x, direction, product);
        this.x = x;
        this.direction = direction;
        Analytic = [.. product.Select(value => double.CreateTruncating(value))];
    }

    /// <inheritdoc />
    public string FunctionName => "g";

    /// <inheritdoc />
    public string Noun => "Hessian-vector product";

    /// <inheritdoc />
    public string ReportName => Name;

    /// <inheritdoc />
    public double[] Analytic { get; }

    /// <inheritdoc />
    public double NominalStep(DifferenceMethod method) => double.NaN;

    /// <inheritdoc />
    public void ThrowIfOutputsDoNotFit(int outputs)
    {
        if (outputs != x.Length)
        {
            throw new ArgumentException(
                $"The gradient function g returned {outputs} values at x, which has {x.Length} entries: a gradient has one entry per entry of x, and so does H v.",
                "gradient");
        }
    }

    /// <inheritdoc />
    public int[] Shape(int outputs) => [x.Length];

    /// <inheritdoc />
    public VectorDifferentiation Differentiate(VectorFunction<T> function, double[] given, DifferenceMethod method, NumericalGradient into, ProgressMeter meter)
    {
        DirectionalStep step = DirectionalDifference.Differentiate(function, x, direction, given, method, into);
        meter.Advance(x.Length);
        return new VectorDifferentiation(step.Step, Evaluations(step, method), step);
    }

    /// <inheritdoc />
    public CheckSubject Subject(int outputs, DifferenceMethod method, VectorDifferentiation? differentiation)
    {
        string type = TypeNames.Friendly(typeof(T));
        string h = differentiation is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" = {differentiation.Step:0.00e+00}");

        // One line: t is the heading's (Hv[i] = d/dt g(x + t v)[i]); the step's maxima run over the
        // coordinates v moves; the rounding of x + t v, measured, is on the evaluations line with its
        // figures. The README has the whole account.
        string text = method == DifferenceMethod.CentralTwoPoint
            ? string.Create(CultureInfo.InvariantCulture,
                $"central difference in t at ±h; h = cbrt(ε) max(1, max|x|) / max|v|{h} in {type}; e(n) = {RoundOff.TwoPointUlps:0} ulps + rounding, no kink test")
            : string.Create(CultureInfo.InvariantCulture,
                $"five-point rule R(h) in t at ±h, ±2h, ±4h; h = ε^(1/5)/4 max(1, max|x|) / max|v|{h} in {type}; e(n) = |R(h) - R(2h)| + {RoundOff.Ulps:0} ulps + rounding");
        return new CheckSubject(
            "Hessian-vector product",
            Noun,
            FunctionName,
            heading: "Hv[i] = Σ_j H[i,j] v[j] = d/dt g(x + t v)[i] at t = 0, with g the gradient function and H = ∂g/∂x the Hessian",
            method: text,
            evaluations: differentiation?.Evaluations);
    }

    private static string Evaluations(DirectionalStep step, DifferenceMethod method)
    {
        string type = TypeNames.Friendly(typeof(T));
        int along = method == DifferenceMethod.CentralTwoPoint ? CentralDifference.EvaluationsPerEntry : Stencil.Multiples.Length;
        string rounding = step.Measured
            ? string.Create(CultureInfo.InvariantCulture,
                $", {DirectionalDifference.RoundingEvaluations} along the rounding of those points and 3 at x; rounding x + t v to {type} moves the estimate's direction off v by up to {step.RoundingShare:0.0e+00} max|v|: its measured effect, at most {step.LargestRoundingEffect:0.0e+00} per entry, is part of e(n)")
            : $" and 3 at x; every point x + t v is exact in {type}";
        return string.Create(CultureInfo.InvariantCulture, $"{along} along v{rounding}; the round-off of g[i] is counted on at least max|g(x)|");
    }

    private static void ThrowIfUnusable(T[] x, T[] direction, T[] product)
    {
        VectorArguments.ThrowIfEmptyOrNotFinite(x, "x", nameof(x));
        if (direction.Length != x.Length)
        {
            throw new ArgumentException($"The direction v has {direction.Length} entries but x has {x.Length}: v must have one entry per entry of x.", nameof(direction));
        }

        if (product.Length != x.Length)
        {
            throw new ArgumentException($"The Hessian-vector product has {product.Length} entries but x has {x.Length}: H v has one entry per entry of x.", nameof(product));
        }

        VectorArguments.ThrowIfEmptyOrNotFinite(direction, "v", nameof(direction));
        if (direction.All(T.IsZero))
        {
            throw new ArgumentException("The direction v is 0: H v is then 0 whatever H is, so nothing would be checked; give a direction with a nonzero entry.", nameof(direction));
        }
    }
}
