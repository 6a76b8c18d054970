using NUnit.Framework;

namespace GradCheck.NUnit.Samples;

/// <summary>
/// The failure message of a <c>[GradientCheck]</c> case, for the snapshot tests: the seeds' network
/// with planted bugs (its W2 and b1 cases fail) beside the correct one (every case passes).
/// </summary>
[SetCulture("de-DE")]
[SetUICulture("de-DE")]
public sealed class GradientCheckScenarios
{
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.PlantedBug), Seeds = [1])]
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.Dense), Seeds = [1])]
    public void Backprop(GradientCheckCase<double> check)
    {
    }
}
