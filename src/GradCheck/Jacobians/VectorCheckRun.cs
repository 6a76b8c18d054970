using System.Diagnostics;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Jacobians;

/// <summary>
/// One check of a vector-valued function's derivative (a Jacobian, or a Hessian-vector product), start
/// to end: refuse the options that do not apply, evaluate the function at x (twice, to catch one that is
/// not deterministic), differentiate, evaluate once more, compare, report. The function is only ever
/// called on copies of x, so there is nothing to restore.
/// </summary>
[StackTraceHidden]
internal static class VectorCheckRun
{
    /// <summary>Runs <paramref name="check"/>; bad input the library found is thrown again from here, with the library's frames left out (<see cref="InputError"/>).</summary>
    /// <param name="check">The check, from the validation of its arguments on.</param>
    public static GradientCheckReport Checked(Func<GradientCheckReport> check)
    {
        try
        {
            return check();
        }
        catch (ArgumentException error) when (InputError.ThrownBy(error, typeof(InputError).Assembly))
        {
            throw InputError.Rethrown(error);
        }
    }

    public static GradientCheckReport Run<T>(Func<T[], T[]> f, T[] x, IVectorDerivative<T> derivative, GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
    {
        VectorArguments.ThrowIfEmptyOrNotFinite(x, "x", nameof(x));
        VectorArguments.ThrowIfOptionsDoNotApply(options, derivative.Noun);
        double epsilon = MachineEpsilon.Of<T>();
        string type = TypeNames.Friendly(typeof(T));
        var evaluated = new EvaluatedFunction(derivative.FunctionName, "x", derivative.Noun, Scalar: false);
        var function = new VectorFunction<T>(f, derivative.FunctionName, x.Length, options.CancellationToken);
        double[] given = function.Evaluate(x, "the given x (before any perturbation)");
        derivative.ThrowIfOutputsDoNotFit(given.Length);
        double[] again = function.Evaluate(x, "the given x (evaluated a second time)");
        var obstacles = new List<CheckObstacle>();
        if ((GivenPointObstacles.NotFinite(given, evaluated) ?? GivenPointObstacles.NotDeterministic(given, again, evaluated, "evaluated twice at the given x", epsilon)) is { } obstacle)
        {
            obstacles.Add(obstacle);
            var nominal = new NumericalMethod(type, options.Method, derivative.NominalStep(options.Method), epsilon);
            return new GradientCheckReport([], obstacles, nominal, options, double.NaN, function.Evaluations, derivative.Subject(given.Length, options.Method, null));
        }

        var numeric = new NumericalGradient(derivative.Analytic.Length);
        var meter = new ProgressMeter(options.Progress, derivative.Analytic.Length, options.Clock);
        VectorDifferentiation differentiation = derivative.Differentiate(function, given, options.Method, numeric, meter);
        double[] after = function.Evaluate(x, "the given x (after the check)");
        if (GivenPointObstacles.NotDeterministic(given, after, evaluated, "at the start of the check and again at its end", epsilon) is { } changed)
        {
            obstacles.Add(changed);
        }

        var rule = new ComparisonRule(options.Tolerance, epsilon, options.KinksFail);
        TensorReport tensor = GradientComparison.Compare(derivative.ReportName, derivative.Shape(given.Length), derivative.Analytic, numeric, rule, options.WorstEntriesShown);
        List<string> notes = [];
        if (function.NonFiniteNote() is { } nonFinite)
        {
            notes.Add(nonFinite);
        }

        var method = new NumericalMethod(type, options.Method, differentiation.Step, epsilon);
        return new GradientCheckReport([tensor], obstacles, method, options, double.NaN, function.Evaluations, derivative.Subject(given.Length, options.Method, differentiation))
        {
            Notes = notes,
        };
    }
}
