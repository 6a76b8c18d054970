using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Parameters;

namespace GradCheck.Layers;

/// <summary>The containers a layer's input and output come in, as the layer check needs them: their element type, and new ones of the same kind.</summary>
internal static class LayerContainers
{
    /// <summary>T of <c>T[]</c>, <c>T[,]</c> (any rank), <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>; null for anything else.</summary>
    public static Type? ElementType(Type container) =>
        container.IsArray ? container.GetElementType()
        : container.IsGenericType && (container.GetGenericTypeDefinition() == typeof(Tensor<>) || container.GetGenericTypeDefinition() == typeof(Memory<>))
            ? container.GetGenericArguments()[0]
            : null;

    /// <summary>A new container of the same kind and shape as <paramref name="like"/>, holding <paramref name="values"/> (row-major).</summary>
    public static object NewLike<T>(object like, ReadOnlySpan<T> values, string name)
        where T : IFloatingPointIeee754<T>
    {
        int[] shape = TensorStorageFactory.Wrap<T>(like, name, writable: false).Shape;
        object created = like switch
        {
            T[] => new T[values.Length],
            Array array => Array.CreateInstance(typeof(T), [.. Enumerable.Range(0, array.Rank).Select(array.GetLength)]),
            Tensor<T> => Tensor.Create(new T[values.Length], [.. shape.Select(length => (nint)length)]),
            Memory<T> => new Memory<T>(new T[values.Length]),
            _ => throw new ArgumentException($"Tensor '{name}' is a {TypeNames.Friendly(like.GetType())}; a layer's input and output must be one of {TensorStorageFactory.SupportedContainers}."),
        };
        values.CopyTo(TensorStorageFactory.Wrap<T>(created, name, writable: true).Span);
        return created;
    }

    /// <summary>A copy of <paramref name="container"/> that shares nothing with it.</summary>
    public static object Copy<T>(object container, string name)
        where T : IFloatingPointIeee754<T> =>
        NewLike(container, TensorStorageFactory.Wrap<T>(container, name, writable: false).Span, name);
}
