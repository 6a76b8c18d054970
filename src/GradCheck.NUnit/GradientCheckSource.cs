using System.Collections;
using System.Numerics;
using System.Reflection;
using GradCheck.Parameters;

namespace GradCheck.NUnit;

/// <summary>
/// Reads the problems of a <see cref="GradientCheckAttribute"/>'s source member and turns them into
/// cases, one per problem and tensor. Whatever goes wrong (no such member, a wrong type, a problem
/// whose construction throws) becomes a case that carries the reason instead of an exception, so that
/// test discovery never crashes and the test explorer says what to fix.
/// </summary>
internal static class GradientCheckSource
{
    private const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;

    /// <summary>A case to build: either runnable (<see cref="Case"/> set) or not, with the reason.</summary>
    public sealed record Entry(string DisplayName, GradientCheckCase? Case, string? NotRunnableReason);

    /// <summary>The cases of the source, for a test that takes a <see cref="GradientCheckCase{T}"/> of <paramref name="elementType"/>.</summary>
    /// <param name="sourceType">The type that declares the source member.</param>
    /// <param name="sourceName">The source member's name.</param>
    /// <param name="seeds">The seeds to call a seeded source with; null for a source without a seed.</param>
    /// <param name="elementType"><c>double</c> or <c>float</c>.</param>
    public static List<Entry> Read(Type sourceType, string sourceName, IReadOnlyList<int>? seeds, Type elementType) =>
        elementType == typeof(double) ? Read<double>(sourceType, sourceName, seeds)
        : elementType == typeof(float) ? Read<float>(sourceType, sourceName, seeds)
        : throw new ArgumentException($"A GradientCheckCase is of double or float, not {elementType.Name}.", nameof(elementType));

    private static List<Entry> Read<T>(Type sourceType, string sourceName, IReadOnlyList<int>? seeds)
        where T : IFloatingPointIeee754<T>
    {
        string where = $"{sourceType.Name}.{sourceName}";
        MemberInfo[] members = sourceType.GetMember(sourceName, MemberTypes.Field | MemberTypes.Property | MemberTypes.Method, AnyStatic);
        if (members.Length == 0)
        {
            bool instance = sourceType.GetMember(sourceName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Length > 0;
            return [Failure(sourceName, instance
                ? $"The GradientCheck source {where} must be static."
                : $"{sourceType.Name} has no static field, property or method named '{sourceName}' to use as a GradientCheck source.")];
        }

        if (seeds is null)
        {
            return ReadUnseeded<T>(members, where);
        }

        if (seeds.Count == 0)
        {
            // No seed would mean no case: the test would leave the explorer and the run would look green.
            return [Failure(sourceName, $"The GradientCheck source {where} is given an empty seed list (Seeds = []), which makes no case: give at least one seed, or leave Seeds out.")];
        }

        if (members is not [MethodInfo method] || method.GetParameters() is not [{ ParameterType: var parameterType }] || parameterType != typeof(int))
        {
            return [Failure(sourceName, $"With Seeds, the GradientCheck source {where} must be a static method that takes the seed, an int, and returns {TypeNames.Friendly(typeof(GradientProblem<T>))}.")];
        }

        var entries = new List<Entry>();
        foreach (int seed in seeds)
        {
            string seeded = $"{sourceName}(seed: {seed})";
            entries.AddRange(Problems<T>(() => method.Invoke(null, [seed]), $"{where}(seed: {seed})", problem => $"{problem.Name}(seed: {seed})", seeded));
        }

        return Deduplicated(entries);
    }

    private static List<Entry> ReadUnseeded<T>(MemberInfo[] members, string where)
        where T : IFloatingPointIeee754<T>
    {
        Func<object?>? read = members switch
        {
            [FieldInfo field] => () => field.GetValue(null),
            [PropertyInfo { CanRead: true } property] when property.GetIndexParameters().Length == 0 => () => property.GetValue(null),
            [MethodInfo method] when method.GetParameters().Length == 0 => () => method.Invoke(null, null),
            _ => null,
        };
        if (read is null)
        {
            string name = members[0].Name;
            return [Failure(name, $"The GradientCheck source {where} must be a static field, property or method without parameters (give Seeds to pass a seed).")];
        }

        return Deduplicated(Problems<T>(read, where, problem => problem.Name, members[0].Name));
    }

    /// <summary>Reads one value of the source: a problem, or a sequence of them; each tensor of each problem is a case.</summary>
    private static List<Entry> Problems<T>(Func<object?> read, string where, Func<GradientProblem<T>, string> name, string fallbackName)
        where T : IFloatingPointIeee754<T>
    {
        var problems = new List<GradientProblem<T>>();
        try
        {
            object? value = read();
            switch (value)
            {
                case GradientProblem<T> single:
                    problems.Add(single);
                    break;
                case IEnumerable sequence:
                    foreach (object? item in sequence)
                    {
                        if (item is not GradientProblem<T> problem)
                        {
                            return [Failure(fallbackName, $"The GradientCheck source {where} yields {Describe(item)} where {TypeNames.Friendly(typeof(GradientProblem<T>))} is needed.{OtherElementType<T>(item)}")];
                        }

                        problems.Add(problem);
                    }

                    break;
                default:
                    return [Failure(fallbackName, $"The GradientCheck source {where} returns {Describe(value)}; it must return {TypeNames.Friendly(typeof(GradientProblem<T>))} or a sequence of them.{OtherElementType<T>(value)}")];
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Exception cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return [Failure(fallbackName, $"The GradientCheck source {where} threw {cause.GetType().Name}: {cause.Message}")];
        }

        if (problems.Count == 0)
        {
            return [Failure(fallbackName, $"The GradientCheck source {where} yields no problems.")];
        }

        return [.. problems.SelectMany(problem => problem.TensorNames.Select(tensor =>
        {
            var checkCase = new GradientCheckCase<T>(problem, name(problem), tensor);
            return new Entry(checkCase.Name, checkCase, null);
        }))];
    }

    /// <summary>A second case with the same name would make both ambiguous in every test runner: it is not run.</summary>
    private static List<Entry> Deduplicated(List<Entry> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. entries.Select(entry => seen.Add(entry.DisplayName) || entry.Case is null
            ? entry
            : new Entry(entry.DisplayName + " (duplicate)", null, $"Two cases are named '{entry.DisplayName}': give the problems different names."))];
    }

    private static Entry Failure(string displayName, string reason) => new(displayName, null, reason);

    private static string Describe(object? value) => value is null ? "null" : TypeNames.Friendly(value.GetType());

    /// <summary>For a problem over the other element type, which of the two to change.</summary>
    private static string OtherElementType<T>(object? item)
        where T : IFloatingPointIeee754<T> =>
        item?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(GradientProblem<>)
            ? $" The test method takes {TypeNames.Friendly(typeof(GradientCheckCase<T>))}: make it GradientCheckCase<{TypeNames.Friendly(type.GetGenericArguments()[0])}> to check these problems, or build them over {TypeNames.Friendly(typeof(T))}."
            : string.Empty;
}
