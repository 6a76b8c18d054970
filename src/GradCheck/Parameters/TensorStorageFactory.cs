using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;

namespace GradCheck.Parameters;

/// <summary>Turns a user's container into a <see cref="TensorStorage{T}"/>, or says why it cannot.</summary>
[StackTraceHidden]
internal static class TensorStorageFactory
{
    /// <summary>The containers a tensor may come in, for error messages.</summary>
    public const string SupportedContainers = "T[], T[,] (or any rank), Tensor<T> and Memory<T>";

    /// <summary>Wraps <paramref name="container"/> without copying it.</summary>
    /// <param name="container">The user's container.</param>
    /// <param name="name">The tensor's name, used in messages.</param>
    /// <param name="writable">
    /// True for parameters, which the checker perturbs; read-only containers are then refused.
    /// </param>
    /// <param name="label">What messages call the tensor; <c>Tensor 'name'</c> unless given, such as <c>The gradient</c> of a flat check.</param>
    public static TensorStorage<T> Wrap<T>(object? container, string name, bool writable, string? label = null)
        where T : IFloatingPointIeee754<T>
    {
        label ??= $"Tensor '{name}'";
        switch (container)
        {
            case null:
                throw new ArgumentException($"{label} is null.");
            case T[] vector:
                return new ArrayStorage<T>(vector);
            case Array array when array.GetType().GetElementType() == typeof(T):
                return new ArrayStorage<T>(array);
            case Tensor<T> tensor:
                if (!tensor.IsDense)
                {
                    throw new ArgumentException(
                        $"{label} of shape {Shapes.Format(tensor.Lengths)} is not dense (strides {Shapes.Format(tensor.Strides)}): " +
                        "a strided or broadcast tensor aliases entries, so perturbing one would move others. Pass a dense tensor (Tensor<T>.ToDenseTensor()).");
                }

                return new DenseTensorStorage<T>(tensor);
            case Memory<T> memory:
                return new MemoryStorage<T>(memory);
            case ReadOnlyMemory<T> readOnly when !writable:
                // Gradients are only read; the cast back to Memory<T> is never written through.
                return new MemoryStorage<T>(System.Runtime.InteropServices.MemoryMarshal.AsMemory(readOnly));
            case ReadOnlyMemory<T>:
                throw new ArgumentException($"Parameter '{name}' is a read-only {TypeNames.Friendly(typeof(ReadOnlyMemory<T>))}, but parameters are perturbed in place: pass a {TypeNames.Friendly(typeof(Memory<T>))}.");
            default:
                throw new ArgumentException(
                    $"{label} is a {TypeNames.Friendly(container.GetType())}, which this check over {TypeNames.Friendly(typeof(T))} cannot read. " +
                    $"Supported containers are {SupportedContainers} with T = {TypeNames.Friendly(typeof(T))}.");
        }
    }
}
