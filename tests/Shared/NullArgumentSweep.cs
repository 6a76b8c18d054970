using System.Numerics;
using System.Reflection;

namespace GradCheck.Testing;

/// <summary>
/// Every public constructor and method of a shipped assembly with a parameter of a reference type
/// declared non-nullable: the members a test calls with null in each such parameter alone, expecting an
/// <see cref="ArgumentNullException"/> that names it.
/// </summary>
/// <remarks>
/// <para>
/// Reflection sees what callers compile against: extension methods, and C# 14 extension members, as the
/// static methods the compiler emits on their static class (the receiver first, so <c>Is.Not.GradientOf(cost)</c>
/// is <c>GradientSyntax.GradientOf(ConstraintExpression expression, Func cost)</c>); properties as their
/// accessors, so an <c>init</c> setter is swept as its <c>set_Name(value)</c> (named <c>Type.Name.set(value)</c>
/// in test names), and an extension property over an instance as <c>get_Name(receiver)</c>. The compiler's
/// skeleton types of extension blocks (<c>&lt;G&gt;$...</c>, special names) hold declarations only and are skipped.
/// </para>
/// <para>
/// Which parameters are declared non-nullable comes from <see cref="NullabilityInfoContext"/> on the open
/// declaration. Generic types and methods are then closed: a type parameter constrained to
/// <see cref="IFloatingPointIeee754{TSelf}"/> over <c>double</c>, any other (a container) over <c>double[]</c>.
/// </para>
/// </remarks>
public sealed class NullArgumentSweep
{
    private NullArgumentSweep(IReadOnlyList<PublicMember> members) => Members = members;

    /// <summary>The members with at least one non-nullable reference parameter, in declaration order.</summary>
    public IReadOnlyList<PublicMember> Members { get; }

    /// <summary>Reads the public surface of <paramref name="assembly"/>.</summary>
    public static NullArgumentSweep Of(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var members = new List<PublicMember>();
        foreach (Type type in assembly.GetExportedTypes().Where(IsSwept).Where(type => !IsFluentBase(type)).OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            Type closed = type.IsGenericTypeDefinition ? type.MakeGenericType(Close(type.GetGenericArguments())) : type;
            IEnumerable<MethodBase> declared = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                .Concat<MethodBase>(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Where(method => method.DeclaringType == type || IsFluentBase(method.DeclaringType!)))
                .Where(method => !method.IsAbstract)
                .OrderBy(method => method.MetadataToken);
            foreach (MethodBase open in declared)
            {
                int[] guarded = [.. open.GetParameters()
                    .Where(parameter => IsReference(parameter.ParameterType))
                    .Where(parameter => nullability.Create(parameter).WriteState == NullabilityState.NotNull)
                    .Select(parameter => parameter.Position)];
                if (guarded.Length > 0)
                {
                    members.Add(new PublicMember(CloseMember(closed, open), guarded));
                }
            }
        }

        return new NullArgumentSweep(members);
    }

    /// <summary>One test case per member and non-nullable reference parameter, for the members the samples can feed and that are not excluded.</summary>
    public IEnumerable<TestCaseData> NullArgumentCases(SampleArguments samples, IReadOnlyDictionary<string, string> excluded) =>
        from member in Members
        where !excluded.ContainsKey(member.Name) && !member.MissingSamples(samples).Any()
        from position in member.Guarded
        let parameter = new NullArgument(member, position)
        select new TestCaseData(parameter).SetArgDisplayNames(parameter.ToString());

    /// <summary>One test case per member the samples can feed and that is not excluded.</summary>
    public IEnumerable<TestCaseData> MemberCases(SampleArguments samples, IReadOnlyDictionary<string, string> excluded) =>
        from member in Members
        where !excluded.ContainsKey(member.Name) && !member.MissingSamples(samples).Any()
        select new TestCaseData(member).SetArgDisplayNames(member.Name);

    /// <summary>The members that are neither excluded nor fed, each with the samples it lacks: a new entry point must not slip past.</summary>
    public IReadOnlyList<string> Unfed(SampleArguments samples, IReadOnlyDictionary<string, string> excluded) =>
        [.. from member in Members
            where !excluded.ContainsKey(member.Name)
            let missing = member.MissingSamples(samples).ToArray()
            where missing.Length > 0
            select $"{member.Name}: no sample of {string.Join(", ", missing.Select(TypeName))}"];

    /// <summary>The exclusions that name no swept member, left behind by a rename or a removal.</summary>
    public IReadOnlyList<string> UnknownExclusions(IReadOnlyDictionary<string, string> excluded) =>
        [.. excluded.Keys.Where(name => !Members.Any(member => member.Name == name))];

    /// <summary>Runs <paramref name="call"/> and returns what it threw; null when it returned.</summary>
    public static Exception? ExceptionOf(Action call)
    {
        try
        {
            call();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary><c>double</c> for <c>T</c> (an element type), <c>double[]</c> for a container.</summary>
    public static Type ClosedOver(Type typeParameter) =>
        typeParameter.GetGenericParameterConstraints().Any(constraint => constraint.IsGenericType && constraint.GetGenericTypeDefinition() == typeof(IFloatingPointIeee754<>))
            ? typeof(double)
            : typeof(double[]);

    /// <summary>A type as C# writes it, such as <c>Func&lt;double[], double&gt;</c>.</summary>
    public static string TypeName(Type type) => type switch
    {
        _ when type == typeof(double) => "double",
        _ when type == typeof(int) => "int",
        _ when type == typeof(string) => "string",
        _ when type == typeof(object) => "object",
        _ when type == typeof(bool) => "bool",
        { IsArray: true } => TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]",
        { IsGenericType: true } => type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">",
        _ => type.Name,
    };

    /// <summary>A type of the public surface: not an interface, enum or delegate, not one the compiler made.</summary>
    private static bool IsSwept(Type type) =>
        !type.IsInterface && !type.IsEnum && !type.IsSubclassOf(typeof(Delegate)) && !type.IsSpecialName && !type.Name.Contains('<', StringComparison.Ordinal);

    /// <summary>
    /// A base whose type parameter is the deriving type itself (<c>Base&lt;TSelf&gt; where TSelf : Base&lt;TSelf&gt;</c>),
    /// so that its modifiers return the derived type: it cannot be closed alone, and its members are swept
    /// on each type deriving from it, as the callers of that type see them.
    /// </summary>
    private static bool IsFluentBase(Type type)
    {
        if (!type.IsGenericType)
        {
            return false;
        }

        Type definition = type.GetGenericTypeDefinition();
        return definition.GetGenericArguments().Any(parameter => parameter.GetGenericParameterConstraints()
            .Any(constraint => constraint.IsGenericType && constraint.GetGenericTypeDefinition() == definition));
    }

    /// <summary>A reference type once closed (a type parameter closes over double or double[]); not a by-ref (out) parameter.</summary>
    private static bool IsReference(Type type) =>
        type.IsGenericParameter ? !ClosedOver(type).IsValueType : !type.IsByRef && !type.IsValueType;

    private static Type[] Close(Type[] typeParameters) => [.. typeParameters.Select(ClosedOver)];

    private static MethodBase CloseMember(Type closedType, MethodBase open)
    {
        var member = (MethodBase)closedType.GetMemberWithSameMetadataDefinitionAs(open);
        return member is MethodInfo { IsGenericMethodDefinition: true } generic
            ? generic.MakeGenericMethod(Close(generic.GetGenericArguments()))
            : member;
    }
}
