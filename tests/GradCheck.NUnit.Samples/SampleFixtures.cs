using GradCheck.Examples.Models;
using NUnit.Framework;

namespace GradCheck.NUnit.Samples;

// Fixtures that GradCheck.NUnit.Tests builds and runs in process; several are wrong on purpose.

/// <summary>The correct network and the one with planted bugs, seeds 1 and 2.</summary>
public sealed class SeededNetworks
{
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.Dense), Seeds = [1, 2])]
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.PlantedBug), Seeds = [1])]
    public void Backprop(GradientCheckCase<double> check)
    {
    }
}

/// <summary>A backward pass with dW1 transposed and db2 misshapen: each fails its own case only.</summary>
public sealed class ShapeMistakes
{
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.ShapeMistakes), Seeds = [1])]
    public void Backprop(GradientCheckCase<double> check)
    {
    }
}

/// <summary>
/// A zero-initialised ReLU network whose W1 can be checked only at a point nudged off the ties: right,
/// with a bug the given point cannot see, and checked with the re-check switched off.
/// </summary>
public sealed class MeetingKinks
{
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.ZeroInitialisedRelu), Seeds = [8])]
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.ZeroInitialisedReluWithBug), Seeds = [8])]
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.ZeroInitialisedReluNotRechecked), Seeds = [8])]
    public void Backprop(GradientCheckCase<double> check)
    {
    }
}

/// <summary>Problems from a property of the fixture itself, and a test body that looks further at the report.</summary>
public sealed class PropertySource
{
    private static IEnumerable<GradientProblem<double>> Quadratics =>
    [
        GradientProblem.Create("Quadratic", (double[] t) => t.Sum(v => v * v) / 2, [1.0, -2.0, 0.5], t => t),
        GradientProblem.Create("WrongQuadratic", (double[] t) => t.Sum(v => v * v) / 2, [1.0, -2.0, 0.5], t => [.. t.Select(v => 2 * v)]),
    ];

    public static int BodiesRun { get; set; }

    [GradientCheck(nameof(Quadratics))]
    public void Backprop(GradientCheckCase<double> check)
    {
        BodiesRun++;
        Assert.That(check.Check().Tensors, Has.Count.EqualTo(1));
    }
}

/// <summary>Layers as a source: one case per tensor, x first, for a correct layer and for a draft whose dx is wrong.</summary>
public sealed class LayerSource
{
    private static readonly double[,] X = { { 0.5, -1.2, 2.0 }, { 1.5, 0.2, -0.7 } };

    private static IEnumerable<GradientProblem<double>> Layers()
    {
        foreach (LayerNormalizationBackward backward in new[] { LayerNormalizationBackward.Correct, LayerNormalizationBackward.StatisticsAsConstants })
        {
            var norm = new LayerNormalization<double>(features: 3, seed: 2, backward);
            yield return Layer.Of(X, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients).AsProblem<double>(backward.ToString());
        }
    }

    [GradientCheck(nameof(Layers))]
    public void Backprop(GradientCheckCase<double> check)
    {
    }
}

/// <summary>Sources that cannot be read, each of which must give a NotRunnable case with its reason.</summary>
public sealed class BadSources
{
    private static int NotProblems => 42;

    private static IEnumerable<object> Mixed => [SampleProblems.Dense(1), "not a problem"];

    private static IEnumerable<GradientProblem<double>> Empty => [];

    private static IEnumerable<GradientProblem<double>> Duplicates => [SampleProblems.Dense(1), SampleProblems.Dense(2)];

    private int Instance => 0;

    [GradientCheck("NoSuchMember")]
    public void Missing(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(nameof(NotProblems))]
    public void WrongType(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(nameof(Mixed))]
    public void WrongItem(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(nameof(Empty))]
    public void NoProblems(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(nameof(Instance))]
    public void NotStatic(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.Dense))]
    public void SeedMissing(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(nameof(Throwing), Seeds = [1, 2])]
    public void ConstructorThrows(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.Dense), Seeds = [1])]
    public void WrongElementType(GradientCheckCase<float> check)
    {
    }

    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.Dense), Seeds = [1])]
    public void WrongParameter(double[] check)
    {
    }

    [GradientCheck(nameof(Duplicates))]
    public void DuplicateNames(GradientCheckCase<double> check)
    {
    }

    private static GradientProblem<double> Throwing(int seed) =>
        seed == 2 ? throw new InvalidOperationException("layer sizes [4, 0, 1] have an empty layer") : SampleProblems.Dense(seed);
}
