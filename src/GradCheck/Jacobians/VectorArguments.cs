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

    /// <summary>
    /// Throws if the options ask for what only a gradient check does (select parameter tensors, cover a
    /// sample or random directions, or spread the entries over workers), naming the option,
    /// rather than ignore it: a check that quietly ran otherwise than asked would mislead.
    /// </summary>
    /// <param name="options">The options the check was given.</param>
    /// <param name="check">The check in words, such as <c>Jacobian</c>.</param>
    public static void ThrowIfOptionsDoNotApply(GradientCheckOptions options, string check)
    {
        string? refused =
            options.Tensors is not null ? "Tensors selects parameter tensors of a gradient check; a {0} check has one input vector x: leave Tensors null."
            : options.Coverage.Kind != CoverageKind.EveryEntry ? $"Coverage is {options.Coverage}; a {{0}} check differentiates along every input of x, each evaluation giving a whole column or the whole product: leave Coverage at CheckCoverage.EveryEntry."
            : options.Workers != 1 ? $"Workers is {options.Workers}; a {{0}} check runs on the calling thread (it evaluates f about 6 times per input of x): leave Workers at 1."
            : null;
        if (refused is not null)
        {
            throw new ArgumentException("GradientCheckOptions." + string.Format(CultureInfo.InvariantCulture, refused, check), nameof(options));
        }
    }
}
