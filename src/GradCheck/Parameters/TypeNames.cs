using System.Collections.Frozen;

namespace GradCheck.Parameters;

/// <summary>C#-style type names for messages: <c>double[,]</c>, <c>List&lt;float&gt;</c>.</summary>
internal static class TypeNames
{
    // Frozen: shared by every check on every thread, so it must not be writable.
    private static readonly FrozenDictionary<Type, string> Keywords = new Dictionary<Type, string>
    {
        [typeof(double)] = "double",
        [typeof(float)] = "float",
        [typeof(decimal)] = "decimal",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(short)] = "short",
        [typeof(byte)] = "byte",
        [typeof(bool)] = "bool",
        [typeof(char)] = "char",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
    }.ToFrozenDictionary();

    public static string Friendly(Type type)
    {
        if (type.IsArray)
        {
            return Friendly(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (Keywords.TryGetValue(type, out string? keyword))
        {
            return keyword;
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Friendly)) + ">";
    }
}
