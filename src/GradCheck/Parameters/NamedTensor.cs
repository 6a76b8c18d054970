using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>A tensor with the name the user knows it by (<c>W1</c>, <c>dW1</c>, <c>theta</c>).</summary>
internal sealed record NamedTensor<T>(string Name, TensorStorage<T> Storage)
    where T : IFloatingPointIeee754<T>;
