using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.Zoo;

/// <summary>The engine as the zoo judges it: its public entry point with default options, nothing else.</summary>
public static class EngineCheck
{
    /// <summary><c>GradientChecker.Check(cost, parameters, gradients)</c>, reduced to what the zoo asks of a checker.</summary>
    /// <param name="cost">The problem's cost, which reads <paramref name="parameters"/> in place.</param>
    /// <param name="parameters">The problem's parameters, by name.</param>
    /// <param name="gradients">The gradient under test, keyed like <paramref name="parameters"/>.</param>
    /// <typeparam name="T">float or double.</typeparam>
    public static CheckOutcome Check<T>(Func<T> cost, Dictionary<string, T[,]> parameters, Dictionary<string, T[,]> gradients)
        where T : IFloatingPointIeee754<T>
    {
        GradientCheckReport report = GradientChecker.Check(cost, parameters, gradients);
        return new CheckOutcome(
            report.Passed,
            report.Summary,
            report.ToString(),
            report.Tensors.Sum(tensor => tensor.KinkCount),
            [.. report.Tensors.SelectMany(tensor => tensor.Kinks).Select(entry => entry.Label)])
        {
            NotCheckableLabels = [.. report.Tensors.SelectMany(tensor => tensor.Kinks).Where(entry => entry.Outcome == EntryOutcome.NotCheckable).Select(entry => entry.Label)],
            UnresolvedTensors = [.. report.Tensors.Where(tensor => tensor.Passed && tensor.Unresolved).Select(tensor => tensor.Name)],
            FailedOnlyAsNothingCheckable = !report.Passed && report.Obstacles.Count == 0 && report.FailedTensors.All(tensor => tensor.NothingCheckable),
        };
    }
}
