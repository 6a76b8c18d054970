namespace GradCheck.Running;

/// <summary>The function a check evaluates, as its messages name it.</summary>
/// <param name="Name">The function: <c>the cost</c>, <c>f</c> or <c>g</c>.</param>
/// <param name="Point">Where it is evaluated, after "the given": <c>parameters</c> or <c>x</c>.</param>
/// <param name="Noun">The derivative checked, inside a sentence: <c>gradient</c>, <c>Jacobian</c>, <c>Hessian-vector product</c>.</param>
/// <param name="Scalar">True for a cost (one value, named by the function alone), false for m outputs named <c>f[i]</c>.</param>
internal sealed record EvaluatedFunction(string Name, string Point, string Noun, bool Scalar)
{
    /// <summary>The cost of a gradient check.</summary>
    public static EvaluatedFunction Cost { get; } = new("the cost", "parameters", "gradient", Scalar: true);
}
