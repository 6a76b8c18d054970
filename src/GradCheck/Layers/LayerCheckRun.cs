using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Layers;

/// <summary>
/// One layer check, for element type T, as a <see cref="GradientProblem{T}"/>: draw dy, run backward
/// once, then check the gradient of J = &lt;dy, f(x)&gt;; entries not checkable there, where kinks may
/// meet, are re-checked at a point nudged off the ties, after a forward and a backward pass there.
/// </summary>
internal static class LayerCheckRun
{
    /// <summary>
    /// The layer check as a problem: x (the problem's own copy) and the parameters are its tensors, J =
    /// &lt;dy, f(x)&gt; its cost, and its backward pass runs the layer's forward pass at the current point,
    /// then its backward pass with dy. dy is drawn at the first forward pass, from the output's size.
    /// </summary>
    public static GradientProblem<T> Problem<T, TInput, TOutput>(
        string name,
        TInput input,
        Func<TInput, TOutput> forward,
        Func<TOutput, TInput> backward,
        IReadOnlyList<KeyValuePair<string, object?>> parameters,
        Func<IReadOnlyList<KeyValuePair<string, object?>>>? parameterGradients,
        int seed,
        GradientCheckOptions? options)
        where T : IFloatingPointIeee754<T>
        where TInput : notnull
        where TOutput : notnull
    {
        // The layer works on a copy of x, which the check perturbs in place like any parameter.
        var x = (TInput)LayerContainers.Copy<T>(input, Layer.InputName);
        // dy is drawn once (a flag, not a null test: Memory<T> is a struct).
        TOutput dy = default!;
        bool drawn = false;
        double[] dyDouble = [];

        // The forward pass at the current point; the first call draws dy of y's shape.
        void Forward(string where)
        {
            TOutput y = Call(forward, x, "the forward pass" + where);
            if (!drawn)
            {
                T[] dyValues = UpstreamGradient.Draw<T>(TensorStorageFactory.Wrap<T>(y, "f(x)", writable: false).Length, seed);
                dy = (TOutput)LayerContainers.NewLike<T>(y, dyValues, "dy");
                dyDouble = [.. dyValues.Select(double.CreateTruncating)];
                drawn = true;
            }
        }

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
        T Cost()
        {
            if (!drawn)
            {
                Forward(" at the given input");
            }

            return T.CreateTruncating(WeightedSum<T>(dyDouble, forward(x)));
        }

        // The backward pass needs the forward pass's state at the point first: the same dy at every
        // point, so that J is the same function of x and the parameters.
        // A pass that changes x in place (a ReLU applied to it) would have the check made at another x.
        TensorSet<T> BackwardAtGivenPoint()
        {
            Forward(" at the given input");
            ThrowIfInputModified<T>(input, x, "forward");
            TensorSet<T> gradients = Gradients(string.Empty);
            ThrowIfInputModified<T>(input, x, "backward");
            return gradients;
        }

        TensorSet<T> BackwardAtNudgedPoint(TensorSet<T> _)
        {
            const string Where = " at the point nudged off the ties";
            Forward(Where);
            return Gradients(Where);
        }

        IReadOnlyList<string> Notes() =>
        [
            string.Create(
                CultureInfo.InvariantCulture,
                $"Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed {seed}, {dyDouble.Length} entries; the gradient with respect to x is backward(dy)"),
        ];

        KeyValuePair<string, object?>[] tensors = [new(Layer.InputName, x), .. parameters];
        return new GradientProblem<T>(name, GradientCheckTarget<T>.Named(Cost, tensors), BackwardAtGivenPoint, BackwardAtNudgedPoint, options) { Notes = Notes };
    }

    /// <summary>
    /// Throws if a pass changed the check's copy of x: then the forward pass was evaluated, and the
    /// backward pass read, another x than the one given, and the check would be made at that point (a
    /// ReLU applied to x in place makes it relu(x)).
    /// </summary>
    /// <exception cref="InvalidOperationException">x is not the input given, bit for bit.</exception>
    private static void ThrowIfInputModified<T>(object input, object x, string pass)
        where T : IFloatingPointIeee754<T>
    {
        TensorStorage<T> givenStorage = TensorStorageFactory.Wrap<T>(input, Layer.InputName, writable: false);
        ReadOnlySpan<T> given = givenStorage.Span;
        ReadOnlySpan<T> now = TensorStorageFactory.Wrap<T>(x, Layer.InputName, writable: false).Span;
        int i = Bitwise.FirstDifference(given, now);
        if (i >= 0)
        {
            string[] shown = DistinctDigits.General([double.CreateTruncating(given[i]), double.CreateTruncating(now[i])]);
            throw new InvalidOperationException(
                $"The {pass} pass modified its input {Layer.InputName} ({Shapes.EntryLabel(Layer.InputName, i, givenStorage.Shape)} was {shown[0]} and is {shown[1]} after it), " +
                $"so the layer would be checked at another {Layer.InputName} than the one given: a layer's passes must leave their input as it is; copy it before changing it in place.");
        }
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

    /// <summary>
    /// A pass of the layer; what it throws names the pass (<c>The backward pass threw ...</c>: it is the
    /// layer's code, not the cost, that failed), and returning null is refused.
    /// </summary>
    /// <param name="pass">The pass.</param>
    /// <param name="argument">x or dy.</param>
    /// <param name="what">The pass and where, such as <c>the forward pass at the given input</c>.</param>
    private static TResult Call<TArgument, TResult>(Func<TArgument, TResult> pass, TArgument argument, string what)
    {
        try
        {
            return CostEvaluation.Call(
                () => pass(argument) ?? throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what[1..]} returned null."),
                what,
                CheckersOwnExceptions.ArgumentChecks);
        }
        catch (CostEvaluationException exception) when (exception.InnerException is { } thrown)
        {
            // "the backward pass at the point nudged off the ties" reads "The backward pass threw X at the point ...".
            string[] words = what.Split(' ', 4);
            string passName = $"{char.ToUpperInvariant(what[0])}{string.Join(' ', words.Take(3))[1..]}";
            string where = words.Length > 3 ? " " + words[3] : string.Empty;
            throw new CostEvaluationException(what, thrown, $"{passName} threw {thrown.GetType().Name}{where}: {thrown.Message}");
        }
    }
}
