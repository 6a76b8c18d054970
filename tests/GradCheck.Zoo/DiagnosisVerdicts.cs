using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.Zoo;

/// <summary>Whether the engine's diagnosis of one tensor of one planted bug names the mutation that was planted.</summary>
/// <param name="Seed">The problem's seed.</param>
/// <param name="Bug">The planted bug, such as <c>dW2 scaled by 2</c>.</param>
/// <param name="Mutation">What was planted.</param>
/// <param name="Tensor">The tensor the verdict is about.</param>
/// <param name="Diagnosis">What the engine said about it; null for none.</param>
/// <param name="Wrong">Null when the diagnosis is right, else what is wrong with it.</param>
public sealed record DiagnosisVerdict(int Seed, string Bug, Mutation Mutation, string Tensor, TensorDiagnosis? Diagnosis, string? Wrong)
{
    /// <summary>Whether the diagnosis is right.</summary>
    public bool IsRight => Wrong is null;

    /// <summary>
    /// Whether the planted bug is below what a float difference can resolve, as <see cref="Verdict.IsBelowResolution"/>
    /// defines it: its diagnosis is counted apart.
    /// </summary>
    public bool IsBelowResolution { get; init; }
}

/// <summary>
/// The engine's diagnoses of the zoo's planted bugs, judged: every mutated tensor must be diagnosed as
/// the kind of mistake planted in it, and no untouched tensor may carry a diagnosis.
/// </summary>
public static class DiagnosisVerdicts
{
    /// <summary>How far a diagnosed factor may be from the planted one, relative: a fit of c over a tensor is far better than this.</summary>
    public const double FactorTolerance = 1e-3;

    /// <summary>One verdict per tensor of every report of every planted bug of the problem.</summary>
    public static IEnumerable<DiagnosisVerdict> OfPlantedBugs<T>(ZooProblem<T> problem)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(problem);
        Dictionary<string, T[,]> correct = problem.Gradient();
        double cost = Math.Abs(double.CreateTruncating(problem.Cost()));
        foreach (PlantedBug<T> bug in PlantedBugs.Structural(problem, correct))
        {
            GradientCheckReport report = GradientChecker.Check(problem.Cost, problem.Parameters, bug.Gradients);
            string[] mutated = bug.Tensor.Split(", ");
            bool belowResolution = mutated.All(problem.SmallGradientTensors.Contains) &&
                mutated.All(name => LargestDifference(correct[name], bug.Gradients[name]) < ZooProblem<T>.ResolvableChange * cost);
            foreach (TensorReport tensor in report.Tensors)
            {
                string? wrong = mutated.Contains(tensor.Name)
                    ? Mismatch(bug.Mutation, tensor, mutated)
                    : tensor.Diagnosis is { } extra ? $"untouched {tensor.Name} diagnosed: {extra}" : null;
                yield return new DiagnosisVerdict(problem.Seed, bug.Name, bug.Mutation, tensor.Name, tensor.Diagnosis, wrong) { IsBelowResolution = belowResolution };
            }
        }
    }

    /// <summary>Null when the tensor's diagnosis names the planted mutation, else what it said instead.</summary>
    private static string? Mismatch(Mutation mutation, TensorReport tensor, string[] mutated)
    {
        TensorDiagnosis? diagnosis = tensor.Diagnosis;
        if (diagnosis is null)
        {
            return $"{tensor.Name} {(tensor.Passed ? "passed" : "failed")} without a diagnosis";
        }

        bool right = mutation switch
        {
            Mutation.ScaledByTwo => IsFactor(diagnosis, 2),
            Mutation.ScaledByOnePercent => IsFactor(diagnosis, 1.01),
            Mutation.SignFlipped => diagnosis.Kind == BugKind.SignFlipped,
            Mutation.Zeroed => diagnosis.Kind == BugKind.Zero,

            // One entry doubled is a factor 2 of the whole tensor when every other entry is 0.
            Mutation.LargestEntryDoubled => (diagnosis.Kind == BugKind.IsolatedEntries && diagnosis.Locations.Count == 1) || IsFactor(diagnosis, 2),
            Mutation.ShiftedByOne => diagnosis.Kind == BugKind.ShiftedByOne,
            Mutation.StoredTransposed => diagnosis.Kind == BugKind.Transposed,
            Mutation.Swapped => diagnosis.Kind == BugKind.SwappedWithTensor && diagnosis.OtherTensor == mutated.Single(name => name != tensor.Name),
            _ => false,
        };
        return right ? null : $"{tensor.Name} diagnosed as {diagnosis.Kind}: {diagnosis}";
    }

    private static double LargestDifference<T>(T[,] correct, T[,] mutated)
        where T : IFloatingPointIeee754<T>
    {
        double largest = 0.0;
        for (int i = 0; i < correct.GetLength(0); i++)
        {
            for (int j = 0; j < correct.GetLength(1); j++)
            {
                largest = Math.Max(largest, Math.Abs(double.CreateTruncating(mutated[i, j]) - double.CreateTruncating(correct[i, j])));
            }
        }

        return largest;
    }

    private static bool IsFactor(TensorDiagnosis diagnosis, double factor) =>
        diagnosis.Kind == BugKind.ConstantFactor && diagnosis.Factor is double fitted && Math.Abs((fitted / factor) - 1) <= FactorTolerance;
}
