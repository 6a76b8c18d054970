using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// A problem's own backward pass with one realistic mistake in it, such as tanh' written as sigmoid'
/// or the 1/m of a mean left out.
/// </summary>
/// <param name="Name">What the mistake is, in words.</param>
/// <param name="Gradient">Computes the wrong gradient at the problem's current parameters.</param>
/// <typeparam name="T">The floating-point type.</typeparam>
public sealed record SemanticBug<T>(string Name, Func<Dictionary<string, T[,]>> Gradient)
    where T : IFloatingPointIeee754<T>;
