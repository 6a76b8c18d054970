using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck;

/// <summary>
/// One check, start to end: validate, snapshot, evaluate the cost at the given point, differentiate
/// every entry, restore, compare, report.
/// </summary>
internal static class GradientCheckRun
{
    public static GradientCheckReport Run<T>(Func<T> cost, TensorSet<T> parameters, TensorStorage<T>[] gradients, GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
    {
        ThrowIfNotFinite(parameters);
        GradientTolerance tolerance = options.Tolerance ?? GradientTolerance.DefaultFor<T>();
        var method = new NumericalMethod(TypeNames.Friendly(typeof(T)), StepSize.RelativeStep<T>(), MachineEpsilon.Of<T>());
        var snapshot = new ParameterSnapshot<T>(parameters);
        var numerics = new (double[] Derivative, double[] RoundOff)[parameters.Tensors.Count];
        double baseCost;
        long evaluations = 1;
        List<string> modified;
        try
        {
            baseCost = EvaluateAtGivenPoint(cost);
            modified = snapshot.RestoreModified();
            if (!double.IsFinite(baseCost) || modified.Count > 0)
            {
                return Unchecked(baseCost, modified, method, tolerance, evaluations);
            }

            for (int t = 0; t < numerics.Length; t++)
            {
                NamedTensor<T> tensor = parameters.Tensors[t];
                numerics[t] = (new double[tensor.Storage.Length], new double[tensor.Storage.Length]);
                evaluations += CentralDifference.Differentiate(cost, tensor, numerics[t].Derivative, numerics[t].RoundOff);
            }
        }
        finally
        {
            modified = snapshot.RestoreModified();
        }

        var problems = new List<CheckProblem>();
        if (modified.Count > 0)
        {
            problems.Add(ModifiedProblem(modified));
        }

        var tensors = new TensorReport[numerics.Length];
        for (int t = 0; t < tensors.Length; t++)
        {
            NamedTensor<T> tensor = parameters.Tensors[t];
            double[] analytic = new double[tensor.Storage.Length];
            TensorPrimitives.ConvertTruncating<T, double>(gradients[t].Span, analytic);
            tensors[t] = GradientComparison.Compare(
                tensor.Name, tensor.Storage.Shape, analytic, numerics[t].Derivative, numerics[t].RoundOff, tolerance, options.WorstEntriesShown);
        }

        return new GradientCheckReport(tensors, problems, method, tolerance, baseCost, evaluations);
    }

    private static double EvaluateAtGivenPoint<T>(Func<T> cost)
        where T : IFloatingPointIeee754<T>
    {
        try
        {
            return double.CreateTruncating(cost());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new CostEvaluationException("the given parameters (before any perturbation)", exception);
        }
    }

    /// <summary>A report for a cost that cannot be differentiated at all: no entry is compared.</summary>
    private static GradientCheckReport Unchecked(double baseCost, List<string> modified, NumericalMethod method, GradientTolerance tolerance, long evaluations)
    {
        var problems = new List<CheckProblem>();
        if (!double.IsFinite(baseCost))
        {
            problems.Add(new CheckProblem(
                CheckProblemKind.CostNotFinite,
                $"the cost is {baseCost.ToString(System.Globalization.CultureInfo.InvariantCulture)} at the given parameters, so no gradient can be compared; check the forward pass (log of 0, overflow, a division by 0)"));
        }

        if (modified.Count > 0)
        {
            problems.Add(ModifiedProblem(modified));
        }

        return new GradientCheckReport([], problems, method, tolerance, baseCost, evaluations);
    }

    private static CheckProblem ModifiedProblem(List<string> modified) => new(
        CheckProblemKind.CostModifiedParameters,
        $"the cost modified parameter{(modified.Count == 1 ? string.Empty : "s")} {string.Join(", ", modified)} while being evaluated (they have been restored); " +
        "a checked cost must only read its parameters: is a training step or an in-place update inside it?");

    private static void ThrowIfNotFinite<T>(TensorSet<T> parameters)
        where T : IFloatingPointIeee754<T>
    {
        if (parameters.Tensors.Count == 0)
        {
            throw new ArgumentException("There are no parameters to check: the parameter dictionary is empty.");
        }

        foreach (NamedTensor<T> tensor in parameters.Tensors)
        {
            ReadOnlySpan<T> values = tensor.Storage.Span;
            for (int i = 0; i < values.Length; i++)
            {
                if (!T.IsFinite(values[i]))
                {
                    throw new ArgumentException(
                        $"Parameter {Shapes.EntryLabel(tensor.Name, i, tensor.Storage.Shape)} is {values[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture)}: a gradient cannot be checked at a point that is not finite.");
                }
            }
        }
    }
}
