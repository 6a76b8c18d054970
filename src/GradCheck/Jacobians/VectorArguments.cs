using System.Globalization;
using System.Numerics;

namespace GradCheck.Jacobians;

/// <summary>Validation shared by the Jacobian and Hessian-vector product checks, with messages that name the argument.</summary>
internal static class VectorArguments
{
    /// <summary>Throws unless <paramref name="values"/> has entries and all of them are finite.</summary>
    /// <param name="values">The vector.</param>
    /// <param name="name">Its name in the message, such as <c>x</c>.</param>
    /// <param name="parameter">The parameter's name for <see cref="ArgumentException.ParamName"/>.</param>
    public static void ThrowIfEmptyOrNotFinite<T>(T[] values, string name, string parameter)
        where T : IFloatingPointIeee754<T>
    {
        if (values.Length == 0)
        {
            throw new ArgumentException($"{name} is empty: there is nothing to differentiate with respect to.", parameter);
        }

        for (int k = 0; k < values.Length; k++)
        {
            if (!T.IsFinite(values[k]))
            {
                throw new ArgumentException(
                    $"{name}[{k}] is {values[k].ToString(null, CultureInfo.InvariantCulture)}: a derivative cannot be checked at a point or along a direction that is not finite.",
                    parameter);
            }
        }
    }

    /// <summary>Throws if the options select parameter tensors, which only a gradient check has.</summary>
    public static void ThrowIfTensorsSelected(GradientCheckOptions options, string check)
    {
        if (options.Tensors is not null)
        {
            throw new ArgumentException(
                $"GradientCheckOptions.Tensors selects parameter tensors of a gradient check; a {check} check has one input vector x: leave Tensors null.",
                nameof(options));
        }
    }
}
