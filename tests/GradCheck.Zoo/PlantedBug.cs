using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>A correct gradient with one structural mistake planted in it.</summary>
/// <param name="Name">What was done, such as <c>dW2 scaled by 1.01</c>.</param>
/// <param name="Tensor">The parameter (or, for a swap, the two parameters) whose gradient was changed.</param>
/// <param name="Gradients">A deep copy of every gradient, one of them mutated.</param>
/// <param name="Mutation">What was done to the gradient, as a kind.</param>
/// <typeparam name="T">The floating-point type.</typeparam>
public sealed record PlantedBug<T>(string Name, string Tensor, Dictionary<string, T[,]> Gradients, Mutation Mutation)
    where T : IFloatingPointIeee754<T>;
