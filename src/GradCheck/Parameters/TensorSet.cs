using System.Collections;
using System.Diagnostics;
using System.Numerics;
using System.Reflection;

namespace GradCheck.Parameters;

/// <summary>
/// An ordered set of named tensors: the parameters of a model, or the gradients a backward pass
/// returned. The order is the user's (a dictionary's enumeration order), so reports list tensors
/// the way the model declares them.
/// </summary>
[StackTraceHidden]
internal sealed class TensorSet<T>
    where T : IFloatingPointIeee754<T>
{
    private TensorSet(List<NamedTensor<T>> tensors) => Tensors = tensors;

    /// <summary>The tensors, in the user's order.</summary>
    public IReadOnlyList<NamedTensor<T>> Tensors { get; }

    /// <summary>Wraps one tensor under a name; <paramref name="label"/> is what messages call it (<c>Tensor 'name'</c> unless given).</summary>
    public static TensorSet<T> Single(string name, object container, bool writable, string? label = null) =>
        new([new NamedTensor<T>(name, TensorStorageFactory.Wrap<T>(container, name, writable, label))]);

    /// <summary>Wraps name/container pairs, such as a <c>Dictionary&lt;string, T[,]&gt;</c>.</summary>
    /// <param name="pairs">The named containers.</param>
    /// <param name="writable">True for parameters, which are perturbed in place.</param>
    /// <param name="role">"parameter" or "gradient", for messages.</param>
    public static TensorSet<T> FromPairs<TContainer>(IEnumerable<KeyValuePair<string, TContainer>> pairs, bool writable, string role)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var tensors = new List<NamedTensor<T>>();
        foreach (KeyValuePair<string, TContainer> pair in pairs)
        {
            Add(tensors, pair.Key, pair.Value, writable, role);
        }

        return new TensorSet<T>(tensors);
    }

    /// <summary>
    /// Whether a value whose type is known only at run time (the actual value of an assertion) is named
    /// tensors: an <see cref="IDictionary"/> or any sequence of <c>KeyValuePair&lt;string, TContainer&gt;</c>,
    /// such as an <c>IReadOnlyDictionary</c> of the user's own type.
    /// </summary>
    public static bool IsNamedTensors(object value) => value is IDictionary || PairValueType(value.GetType()) is not null;

    /// <summary>
    /// Wraps named tensors whose type is known only at run time (the actual value of an assertion):
    /// an <see cref="IDictionary"/> from string, or any sequence of <c>KeyValuePair&lt;string, TContainer&gt;</c>.
    /// </summary>
    /// <param name="value">The named tensors.</param>
    /// <param name="writable">True for parameters, which are perturbed in place.</param>
    /// <param name="role">"parameter" or "gradient", for messages.</param>
    public static TensorSet<T> FromNamedTensors(object? value, bool writable, string role)
    {
        var tensors = new List<NamedTensor<T>>();
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (entry.Key is not string name)
                {
                    throw new ArgumentException($"The {role} dictionary has a key of type {TypeNames.Friendly(entry.Key.GetType())}; keys must be tensor names (strings).");
                }

                Add(tensors, name, entry.Value, writable, role);
            }

            return new TensorSet<T>(tensors);
        }

        if (value is IEnumerable pairs && PairValueType(value.GetType()) is { } pairType)
        {
            // KeyValuePair<string, TContainer> for a TContainer known only here: read through its two properties.
            PropertyInfo key = pairType.GetProperty(nameof(KeyValuePair<string, object>.Key))!;
            PropertyInfo container = pairType.GetProperty(nameof(KeyValuePair<string, object>.Value))!;
            foreach (object pair in pairs)
            {
                Add(tensors, (string?)key.GetValue(pair), container.GetValue(pair), writable, role);
            }

            return new TensorSet<T>(tensors);
        }

        string was = value is null ? "null" : "a " + TypeNames.Friendly(value.GetType());
        throw new ArgumentException(
            $"The {role}s must be a dictionary from name to tensor (for example Dictionary<string, {TypeNames.Friendly(typeof(T))}[,]>), but were {was}.");
    }

    /// <summary>KeyValuePair&lt;string, TContainer&gt; when <paramref name="type"/> is a sequence of them, else null.</summary>
    private static Type? PairValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .Where(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(candidate => candidate.GetGenericArguments()[0])
            .FirstOrDefault(element => element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && element.GetGenericArguments()[0] == typeof(string));

    private static void Add(List<NamedTensor<T>> tensors, string? name, object? container, bool writable, string role)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"A {role} has an empty name; every tensor needs the name reports will show.");
        }

        if (tensors.Exists(tensor => tensor.Name == name))
        {
            throw new ArgumentException($"The {role} name '{name}' appears twice.");
        }

        var tensor = new NamedTensor<T>(name, TensorStorageFactory.Wrap<T>(container, name, writable));
        if (writable && tensors.Find(other => other.Storage.Span.Overlaps(tensor.Storage.Span)) is { } shared)
        {
            // One perturbation would move both, and each tensor's derivatives would be those of the sum.
            throw new ArgumentException(
                $"The {role}s '{shared.Name}' {Shapes.Format(shared.Storage.Shape)} and '{name}' {Shapes.Format(tensor.Storage.Shape)} share storage, " +
                $"so perturbing an entry of one would move the other: give each {role} its own array, or pass a shared tensor once.");
        }

        tensors.Add(tensor);
    }
}
