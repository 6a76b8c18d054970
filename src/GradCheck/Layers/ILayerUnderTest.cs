using GradCheck.Reporting;

namespace GradCheck;

/// <summary>A layer ready to be checked, whatever its containers: what test-framework adapters need of a <see cref="LayerUnderTest{TInput, TOutput}"/>.</summary>
internal interface ILayerUnderTest
{
    /// <summary>The names of the tensors checked: <c>x</c>, then the parameters'.</summary>
    IReadOnlyList<string> TensorNames { get; }

    /// <summary>The seed the upstream gradient dy is drawn with.</summary>
    int Seed { get; }

    /// <summary>Runs the layer check.</summary>
    /// <param name="options">How to check; null for the defaults.</param>
    GradientCheckReport Check(GradientCheckOptions? options = null);
}
