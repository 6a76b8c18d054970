using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Jacobians;

/// <summary>
/// What a check of a vector-valued function's derivative compares, and how it differentiates: the
/// Jacobian of f, column by column, or the product H v, along v. <see cref="VectorCheckRun"/> runs
/// everything else, the same for both.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface IVectorDerivative<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The function's name in messages: <c>f</c> or <c>g</c>.</summary>
    string FunctionName { get; }

    /// <summary>What is checked inside a sentence: <c>Jacobian</c>, <c>Hessian-vector product</c>.</summary>
    string Noun { get; }

    /// <summary>The name the derivative is reported under, as in <c>J[2,3]</c> or <c>Hv[3]</c>.</summary>
    string ReportName { get; }

    /// <summary>The relative step the report names when the check stops before differentiating (NaN where the step depends on the point).</summary>
    /// <param name="method">The difference rule.</param>
    double NominalStep(DifferenceMethod method);

    /// <summary>The analytic derivative, flat in double, row-major.</summary>
    double[] Analytic { get; }

    /// <summary>Throws, naming both, unless the function's number of outputs fits the analytic derivative.</summary>
    /// <param name="outputs">How many values the function returned at the given x.</param>
    void ThrowIfOutputsDoNotFit(int outputs);

    /// <summary>The derivative's shape: (outputs, inputs) for a Jacobian, (inputs) for H v.</summary>
    /// <param name="outputs">How many values the function returns.</param>
    int[] Shape(int outputs);

    /// <summary>Fills <paramref name="into"/> with the numerical derivative.</summary>
    /// <param name="function">The function, evaluated at x already.</param>
    /// <param name="given">Its values at x, in double.</param>
    /// <param name="method">The difference rule.</param>
    /// <param name="into">Where the estimates go, as laid out by <see cref="Shape"/>.</param>
    /// <param name="meter">Counts the entries done, for <see cref="GradientCheckOptions.Progress"/>.</param>
    /// <returns>The step the points were taken at and where the function was evaluated, for the report.</returns>
    VectorDifferentiation Differentiate(VectorFunction<T> function, double[] given, DifferenceMethod method, NumericalGradient into, ProgressMeter meter);

    /// <summary>What was checked and how, for the report's heading, method and evaluations lines.</summary>
    /// <param name="outputs">How many values the function returns.</param>
    /// <param name="method">The difference rule.</param>
    /// <param name="differentiation">How it was differentiated; null when the check stopped before.</param>
    CheckSubject Subject(int outputs, DifferenceMethod method, VectorDifferentiation? differentiation);
}
