namespace GradCheck.Parameters;

/// <summary>A typed gradient dictionary as the untyped one <see cref="GradientCheckTarget{T}.Check"/> reads.</summary>
internal static class UntypedGradients
{
    public static Dictionary<string, object?> From<TGradient>(IReadOnlyDictionary<string, TGradient> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        var untyped = new Dictionary<string, object?>(gradients.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, TGradient> pair in gradients)
        {
            untyped.Add(pair.Key, pair.Value);
        }

        return untyped;
    }
}
