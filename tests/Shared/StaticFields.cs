using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GradCheck.Testing;

/// <summary>
/// Finds the static fields of an assembly through which two checks running at once could share
/// something writable: a field that is not readonly, or a readonly one whose value can still change
/// (an array, a dictionary, an object with a settable field). Checks run in parallel in other people's
/// test suites, so the shipped assemblies must have none.
/// </summary>
internal static class StaticFields
{
    /// <summary>Each writable static field of <paramref name="assembly"/>, as <c>Type.field: why</c>.</summary>
    public static List<string> Writable(Assembly assembly) => Writable(assembly.GetTypes());

    /// <summary>Each writable static field of <paramref name="types"/>, as <c>Type.field: why</c>.</summary>
    public static List<string> Writable(IEnumerable<Type> types)
    {
        var found = new List<string>();
        foreach (Type type in types)
        {
            // The compiler's lambda caches and data blocks: written once, with equal values, by any thread.
            if (type.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                continue;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                string name = $"{type.FullName}.{field.Name}";
                if (field.IsLiteral)
                {
                    continue;
                }

                if (!field.IsInitOnly)
                {
                    found.Add($"{name}: not readonly");
                }
                else if (Closed(type) is not { } closed)
                {
                    found.Add($"{name}: in a generic type this test cannot close over double");
                }
                else if (WritablePart(closed.GetField(field.Name, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null), depth: 0) is { } why)
                {
                    found.Add($"{name}: {why}");
                }
            }
        }

        return found;
    }

    /// <summary>Why <paramref name="value"/> could change, or null if it cannot.</summary>
    private static string? WritablePart(object? value, int depth)
    {
        switch (value)
        {
            case null or string or decimal or TimeSpan or Enum or TimeProvider:
                return null;
            case CultureInfo culture:
                return culture.IsReadOnly ? null : "a culture that is not read-only";
            case Array array:
                return array.Length == 0 ? null : "an array, whose elements can be written";
        }

        Type type = value.GetType();
        if (type.IsPrimitive || IsImmutableCollection(type))
        {
            return null;
        }

        if (value is IEnumerable && type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true)
        {
            return $"a {type.Name}, which can be written";
        }

        if (depth > 8)
        {
            return "nested too deeply to inspect";
        }

        for (Type? level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (FieldInfo field in level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly && !type.IsValueType)
                {
                    return $"a {type.Name} with the settable field {field.Name}";
                }

                if (WritablePart(field.GetValue(value), depth + 1) is { } why)
                {
                    return $"{type.Name}.{field.Name} is {why}";
                }
            }
        }

        return null;
    }

    private static bool IsImmutableCollection(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return true;
        }

        for (Type? level = type; level is not null; level = level.BaseType)
        {
            if (level.IsGenericType && (level.GetGenericTypeDefinition() == typeof(FrozenDictionary<,>) || level.GetGenericTypeDefinition() == typeof(FrozenSet<>)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type itself, or a generic type definition closed over double.</summary>
    private static Type? Closed(Type type)
    {
        if (!type.ContainsGenericParameters)
        {
            return type;
        }

        try
        {
            return type.MakeGenericType([.. type.GetGenericArguments().Select(_ => typeof(double))]);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
