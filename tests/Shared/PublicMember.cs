using System.Reflection;

namespace GradCheck.Testing;

/// <summary>A public constructor or method, closed, and the positions of its non-nullable reference parameters.</summary>
public sealed class PublicMember
{
    public PublicMember(MethodBase method, IReadOnlyList<int> guarded)
    {
        Method = method;
        Guarded = guarded;
        Name = NameOf(method);
    }

    /// <summary>The member as a reader finds it, such as <c>GradientChecker.Check(Func&lt;double[], double&gt; cost, double[] theta, ...)</c>.</summary>
    public string Name { get; }

    public MethodBase Method { get; }

    public IReadOnlyList<int> Guarded { get; }

    /// <summary>The types of the non-nullable reference parameters, and of the instance, that the samples cannot make.</summary>
    public IEnumerable<Type> MissingSamples(SampleArguments samples)
    {
        IEnumerable<Type> needed = Guarded.Select(position => Method.GetParameters()[position].ParameterType);
        if (!Method.IsStatic && !Method.IsConstructor)
        {
            needed = needed.Prepend(Method.ReflectedType!);
        }

        return needed.Distinct().Where(type => !samples.Has(type));
    }

    /// <summary>Calls the member with a sample for every non-nullable reference parameter, except null at <paramref name="nullAt"/>.</summary>
    /// <param name="samples">Fresh samples: the call may perturb or keep them.</param>
    /// <param name="nullAt">The position of the parameter given null; -1 for none.</param>
    public void Invoke(SampleArguments samples, int nullAt = -1)
    {
        ParameterInfo[] parameters = Method.GetParameters();
        object?[] arguments = [.. parameters.Select(parameter => parameter.Position == nullAt ? null : ArgumentFor(parameter, samples))];
        const BindingFlags flags = BindingFlags.DoNotWrapExceptions;
        if (Method is ConstructorInfo constructor)
        {
            constructor.Invoke(flags, binder: null, arguments, culture: null);
        }
        else
        {
            object? instance = Method.IsStatic ? null : samples.Create(Method.ReflectedType!);
            Method.Invoke(instance, flags, binder: null, arguments, culture: null);
        }
    }

    public override string ToString() => Name;

    private object? ArgumentFor(ParameterInfo parameter, SampleArguments samples) =>
        Guarded.Contains(parameter.Position) ? samples.Create(parameter.ParameterType)
        : parameter.HasDefaultValue ? parameter.DefaultValue
        : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType)
        : null;

    private static string NameOf(MethodBase method)
    {
        // The type the member was read on: a member inherited from a fluent base is named on the deriving type.
        string type = NullArgumentSweep.TypeName(method.ReflectedType!);
        string parameters = string.Join(", ", method.GetParameters().Select(parameter => $"{NullArgumentSweep.TypeName(parameter.ParameterType)} {parameter.Name}"));
        return method switch
        {
            ConstructorInfo => $"new {type}({parameters})",
            _ when method.Name.StartsWith("get_", StringComparison.Ordinal) => $"{type}.{method.Name[4..]}.get({parameters})",
            _ when method.Name.StartsWith("set_", StringComparison.Ordinal) => $"{type}.{method.Name[4..]}.set({parameters})",
            _ => $"{type}.{method.Name}({parameters})",
        };
    }
}
