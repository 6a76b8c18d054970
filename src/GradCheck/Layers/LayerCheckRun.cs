using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Layers;

/// <summary>
/// One layer check, for element type T: draw dy, run backward once, then check the gradient of
/// J = &lt;dy, f(x)&gt;; entries not checkable there, where kinks may meet, are re-checked at a point
/// nudged off the ties, after a forward and a backward pass there.
/// </summary>
internal static class LayerCheckRun
{
    public static GradientCheckReport Run<T, TInput, TOutput>(
        TInput input,
        Func<TInput, TOutput> forward,
        Func<TOutput, TInput> backward,
        IReadOnlyList<KeyValuePair<string, object?>> parameters,
        Func<IReadOnlyList<KeyValuePair<string, object?>>>? parameterGradients,
        int seed,
        GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
        where TInput : notnull
        where TOutput : notnull
    {
        // The layer works on a copy of x, which the check perturbs in place like any parameter.
        var x = (TInput)LayerContainers.Copy<T>(input, Layer.InputName);
        TOutput y = Call(forward, x, "the forward pass at the given input");
        T[] dyValues = UpstreamGradient.Draw<T>(TensorStorageFactory.Wrap<T>(y, "f(x)", writable: false).Length, seed);
        var dy = (TOutput)LayerContainers.NewLike<T>(y, dyValues, "dy");
        double[] dyDouble = [.. dyValues.Select(double.CreateTruncating)];

        // A copy of dy, because a backward pass may use its argument as scratch space; copies of what it
        // returns, because its buffers may be overwritten by the forward passes of the check.
        TensorSet<T> Gradients(string where)
        {
            TInput dx = Call(backward, (TOutput)LayerContainers.Copy<T>(dy, "dy"), "the backward pass" + where);
            List<KeyValuePair<string, object?>> gradients = [new(Layer.InputName, LayerContainers.Copy<T>(dx, "dx"))];
            foreach (KeyValuePair<string, object?> pair in parameterGradients?.Invoke() ?? [])
            {
                if (pair.Key is Layer.InputName or "d" + Layer.InputName)
                {
                    throw new ArgumentException($"The layer's parameter gradients include '{pair.Key}'; the input's gradient is what the backward pass returns.");
                }

                gradients.Add(new(pair.Key, pair.Value is null ? null : LayerContainers.Copy<T>(pair.Value, pair.Key)));
            }

            return TensorSet<T>.FromPairs(gradients, writable: false, role: "gradient");
        }

        // J = <dy, y> sums terms of both signs, so its noise is that of Σ |dy_i y_i|, not of |J|: the
        // check measures that noise from the cost's own values, whatever J's magnitude (an earlier
        // constant added to J to cover the sum could cancel J to 0 when every dy_i y_i was negative).
        T Cost() => T.CreateTruncating(WeightedSum<T>(dyDouble, forward(x)));

        // At a point nudged off the ties the backward pass needs the forward pass's state there first,
        // as at the given point: the same dy, so that J is the same function of x and the parameters.
        TensorSet<T> BackwardAtNudgedPoint(TensorSet<T> _)
        {
            const string Where = " at the point nudged off the ties";
            Call(forward, x, "the forward pass" + Where);
            return Gradients(Where);
        }

        TensorSet<T> gradients = Gradients(string.Empty);
        KeyValuePair<string, object?>[] tensors = [new(Layer.InputName, x), .. parameters];
        string note = string.Create(
            CultureInfo.InvariantCulture,
            $"Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed {seed}, {dyValues.Length} entries; the gradient with respect to x is backward(dy)");
        return GradientCheckTarget<T>.Named(Cost, tensors).CheckWithBackward(gradients, options, BackwardAtNudgedPoint, [note]);
    }

    private static double WeightedSum<T>(double[] weights, object output)
        where T : IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> values = TensorStorageFactory.Wrap<T>(output, "f(x)", writable: false).Span;
        if (values.Length != weights.Length)
        {
            throw new ArgumentException($"The forward pass returned {values.Length} values at a perturbed input after {weights.Length} at the given one: its output's shape must not depend on the values of its input or parameters.");
        }

        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += weights[i] * double.CreateTruncating(values[i]);
        }

        return sum;
    }

    /// <summary>A pass of the layer; what it throws names the pass, and returning null is refused.</summary>
    private static TResult Call<TArgument, TResult>(Func<TArgument, TResult> pass, TArgument argument, string what) =>
        CostEvaluation.Call(
            () => pass(argument) ?? throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what[1..]} returned null."),
            what,
            CheckersOwnExceptions.ArgumentChecks);
}
