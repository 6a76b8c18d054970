using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Jacobians;

/// <summary>
/// One Hessian-vector product check, start to end: validate, evaluate g at x (twice, to catch a gradient
/// function that is not deterministic), differentiate g along v, evaluate once more, compare, report.
/// </summary>
internal static class HessianVectorProductRun
{
    /// <summary>The name the product is reported under, as in <c>Hv[3]</c>.</summary>
    public const string Name = "Hv";

    public static GradientCheckReport Run<T>(Func<T[], T[]> gradient, T[] x, T[] direction, T[] product, GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfUnusable(x, direction, product);
        VectorArguments.ThrowIfTensorsSelected(options, "Hessian-vector product");
        int n = x.Length;
        double epsilon = MachineEpsilon.Of<T>();
        var g = new VectorFunction<T>(gradient, "g", n, options.CancellationToken);
        double[] given = g.Evaluate(x, "the given x (before any perturbation)");
        if (given.Length != n)
        {
            throw new ArgumentException(
                $"The gradient function g returned {given.Length} values at x, which has {n} entries: a gradient has one entry per entry of x, and so does H v.",
                nameof(gradient));
        }

        string type = TypeNames.Friendly(typeof(T));
        var obstacles = new List<CheckObstacle>();
        double[] again = g.Evaluate(x, "the given x (evaluated a second time)");
        const string noun = "Hessian-vector product";
        Add(obstacles, GivenPointObstacles.NotFinite(given, g.Name, noun));
        if (obstacles.Count == 0)
        {
            Add(obstacles, GivenPointObstacles.NotDeterministic(given, again, g.Name, noun, "evaluated twice at the given x", epsilon));
        }

        if (obstacles.Count > 0)
        {
            var method = new NumericalMethod(type, options.Method, double.NaN, epsilon);
            return new GradientCheckReport([], obstacles, method, options, double.NaN, g.Evaluations, Subject(null, type, epsilon, options.Method));
        }

        var numeric = new NumericalGradient(n);
        DirectionalStep step = DirectionalDifference.Differentiate(g, x, direction, given, options.Method, numeric);
        double[] after = g.Evaluate(x, "the given x (after the check)");
        Add(obstacles, GivenPointObstacles.NotDeterministic(given, after, g.Name, noun, "at the start of the check and again at its end", epsilon));

        var rule = new ComparisonRule(options.Tolerance, epsilon, options.KinksFail);
        double[] analytic = [.. product.Select(value => double.CreateTruncating(value))];
        TensorReport tensor = GradientComparison.Compare(Name, [n], analytic, numeric, rule, options.WorstEntriesShown);
        List<string> notes = [Evaluations(step, options.Method, type)];
        if (g.NonFiniteNote() is { } nonFinite)
        {
            notes.Add(nonFinite);
        }

        return new GradientCheckReport([tensor], obstacles, new NumericalMethod(type, options.Method, step.Step, epsilon), options, double.NaN, g.Evaluations, Subject(step, type, epsilon, options.Method))
        {
            Notes = notes,
        };
    }

    private static CheckSubject Subject(DirectionalStep? step, string type, double epsilon, DifferenceMethod method)
    {
        string h = step is null ? "h" : string.Create(CultureInfo.InvariantCulture, $"h = {step.Step:0.00e+00}");
        string text = method == DifferenceMethod.CentralTwoPoint
            ? string.Create(CultureInfo.InvariantCulture,
                $"central difference (g(x + h v) - g(x - h v)) / 2h, h = cbrt(ε) max(1, |x[k]|) / max|v[k]| over the k that v moves, {h} for {type} (ε = {epsilon:0.00e+00}); error estimate: {RoundOff.TwoPointUlps:0} ulps of round-off plus the measured effect of rounding x ± h v to {type}, kinks not detected; differences in double")
            : string.Create(CultureInfo.InvariantCulture,
                $"Richardson extrapolation of central differences of g(x + t v) at t = ±h, ±2h, ±4h, h = ε^(1/5)/4 max(1, |x[k]|) / max|v[k]| over the k that v moves, {h} for {type} (ε = {epsilon:0.00e+00}); e(n) = |R(h) - R(2h)| + {RoundOff.Ulps:0} ulps of round-off + the measured effect of rounding x + t v to {type}; kinks from one-sided derivatives; differences in double");
        return new CheckSubject(
            "Hessian-vector product",
            "Hessian-vector product",
            "g",
            heading: "Hv[i] = Σ_j H[i,j] v[j] = d/dt g(x + t v)[i] at t = 0, with g the gradient function and H = ∂g/∂x the Hessian",
            method: text);
    }

    private static string Evaluations(DirectionalStep step, DifferenceMethod method, string type)
    {
        string along = method == DifferenceMethod.CentralTwoPoint ? "2 times along v (x ± h v)" : "6 times along v (x ± h v, ± 2h v, ± 4h v)";
        string rounding = step.Measured
            ? string.Create(CultureInfo.InvariantCulture,
                $", {DirectionalDifference.RoundingEvaluations} along the rounding of those points and 3 at x; rounding x + t v to {type} moves the estimate's direction off v by up to {step.RoundingShare:0.0e+00} max|v|: its measured effect, at most {step.LargestRoundingEffect:0.0e+00} per entry, is part of e(n)")
            : $" and 3 at x; every point x + t v is exact in {type}";
        return $"g evaluated {along}{rounding}; the round-off of g[i] is counted on at least max|g(x)|";
    }

    private static void ThrowIfUnusable<T>(T[] x, T[] direction, T[] product)
        where T : IFloatingPointIeee754<T>
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

    private static void Add(List<CheckObstacle> obstacles, CheckObstacle? obstacle)
    {
        if (obstacle is not null)
        {
            obstacles.Add(obstacle);
        }
    }
}
