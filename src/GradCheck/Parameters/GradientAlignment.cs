using System.Diagnostics;
using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>
/// Pairs each parameter with its gradient. A gradient is found under the parameter's own name
/// (<c>W1</c>) or under the backprop convention <c>dW1</c>; everything that does not pair up is
/// reported at once, so one run shows every naming or shape mistake. A gradient in its parameter's
/// transposed shape is no shape error: it is checked transposed back and fails with that diagnosis
/// (<see cref="TransposedGradient"/>).
/// </summary>
[StackTraceHidden]
internal static class GradientAlignment
{
    /// <summary>The prefix of the conventional gradient name, as in <c>dW1</c> for <c>W1</c>.</summary>
    public const string GradientPrefix = "d";

    /// <summary>Returns the gradient of each parameter, in parameter order.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="gradients">The gradients, by the parameters' names or d + name.</param>
    /// <param name="checkedTensors">
    /// The tensors the check reads (<see cref="GradientCheckOptions.Tensors"/>); null for all. A missing,
    /// doubled or misshapen gradient of another tensor is not this check's error, so that one tensor's
    /// mistake fails that tensor's check alone (a <c>[GradientCheck]</c> case per tensor).
    /// </param>
    /// <param name="transposed">Receives the gradients given in their parameter's transposed shape; null to refuse them as shape errors.</param>
    /// <exception cref="ArgumentException">Names are missing, extra or ambiguous, or shapes differ.</exception>
    public static TensorStorage<T>[] Align<T>(
        TensorSet<T> parameters,
        TensorSet<T> gradients,
        IReadOnlyCollection<string>? checkedTensors = null,
        List<TransposedGradient>? transposed = null)
        where T : IFloatingPointIeee754<T>
    {
        var problems = new List<string>();
        var aligned = new TensorStorage<T>[parameters.Tensors.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);

        for (int i = 0; i < aligned.Length; i++)
        {
            NamedTensor<T> parameter = parameters.Tensors[i];
            NamedTensor<T>? plain = Find(gradients, parameter.Name);
            NamedTensor<T>? prefixed = Find(gradients, GradientPrefix + parameter.Name);
            if (checkedTensors is not null && !checkedTensors.Contains(parameter.Name))
            {
                // Not read by this check: whatever its gradient is, it is another check's business.
                used.Add(plain?.Name ?? string.Empty);
                used.Add(prefixed?.Name ?? string.Empty);
                aligned[i] = new CopiedStorage<T>(new T[parameter.Storage.Length], parameter.Storage.Shape);
                continue;
            }

            if (plain is not null && prefixed is not null)
            {
                problems.Add($"parameter '{parameter.Name}' has two gradients, '{plain.Name}' and '{prefixed.Name}'");
                used.Add(plain.Name);
                used.Add(prefixed.Name);
                continue;
            }

            NamedTensor<T>? gradient = plain ?? prefixed;
            if (gradient is null)
            {
                problems.Add($"no gradient for parameter '{parameter.Name}' (looked for '{parameter.Name}' and '{GradientPrefix}{parameter.Name}')");
                continue;
            }

            used.Add(gradient.Name);
            if (transposed is not null && TransposedGradient.IsTransposeOf(gradient.Storage.Shape, parameter.Storage.Shape))
            {
                transposed.Add(new TransposedGradient(parameter.Name, gradient.Name, gradient.Storage.Shape));
                aligned[i] = TransposedGradient.TransposedBack(gradient.Storage, parameter.Storage.Shape);
                continue;
            }

            if (!Shapes.Equal(gradient.Storage.Shape, parameter.Storage.Shape))
            {
                problems.Add(
                    $"gradient '{gradient.Name}' has shape {Shapes.Format(gradient.Storage.Shape)} but parameter '{parameter.Name}' has shape {Shapes.Format(parameter.Storage.Shape)}");
                continue;
            }

            aligned[i] = gradient.Storage;
        }

        foreach (NamedTensor<T> gradient in gradients.Tensors)
        {
            if (!used.Contains(gradient.Name))
            {
                problems.Add($"gradient '{gradient.Name}' matches no parameter");
            }
        }

        if (problems.Count > 0)
        {
            string parameterNames = string.Join(", ", parameters.Tensors.Select(tensor => tensor.Name));
            string gradientNames = string.Join(", ", gradients.Tensors.Select(tensor => tensor.Name));
            throw new ArgumentException(
                "The gradients do not match the parameters: " + string.Join("; ", problems) + ". " +
                $"Parameters: {parameterNames}. Gradients: {(gradientNames.Length == 0 ? "none" : gradientNames)}.");
        }

        return aligned;
    }

    private static NamedTensor<T>? Find<T>(TensorSet<T> set, string name)
        where T : IFloatingPointIeee754<T> =>
        set.Tensors.FirstOrDefault(tensor => tensor.Name == name);
}
