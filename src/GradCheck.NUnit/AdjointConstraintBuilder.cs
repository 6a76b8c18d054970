namespace GradCheck.NUnit;

/// <summary><c>Is.AdjointOf(map)</c>, waiting for the shape of the map's input: <c>.ForInputsLike(x)</c>.</summary>
/// <typeparam name="TInput">The map's input: an array of float or double of any rank.</typeparam>
/// <typeparam name="TOutput">The map's output: an array of the same element type.</typeparam>
public sealed class AdjointConstraintBuilder<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    private readonly Func<TInput, TOutput> map;

    internal AdjointConstraintBuilder(Func<TInput, TOutput> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        this.map = map;
    }

    /// <summary>Draws v with the shape of <paramref name="input"/>, which is only read for its shape.</summary>
    /// <param name="input">An input of the map, such as the layer's x.</param>
    public AdjointConstraint<TInput, TOutput> ForInputsLike(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new AdjointConstraint<TInput, TOutput>(map, input);
    }
}
