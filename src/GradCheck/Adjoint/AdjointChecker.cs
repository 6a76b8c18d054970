using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck;

/// <summary>
/// The dot-product (adjoint) test: &lt;J v, w&gt; = &lt;v, Jᵀ w&gt; for seeded random v and w, for a
/// hand-written linear map and its adjoint, or a layer's forward-mode derivative (J v) and its backward
/// pass (Jᵀ w). One call of each, exact in principle, no step to choose; the bound is the round-off of
/// the sums involved (see <see cref="AdjointReport"/>). It says whether the two are transposes of each
/// other, not whether either is the derivative of anything: pair it with a gradient or Jacobian check.
/// </summary>
public static class AdjointChecker
{
    /// <summary>Checks that <paramref name="adjoint"/> is the adjoint of the linear map <paramref name="map"/>.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TInput">The map's input: <c>T[]</c> or a rectangular array of any rank (<c>T[,]</c>, ...).</typeparam>
    /// <typeparam name="TOutput">The map's output: <c>T[]</c> or a rectangular array of any rank.</typeparam>
    /// <param name="map">J: v to J v, such as a layer's forward-mode derivative <c>dx =&gt; layer.ForwardDerivative(dx)</c>.</param>
    /// <param name="adjoint">Jᵀ: w to Jᵀ w, such as the layer's backward pass <c>dy =&gt; layer.Backward(dy)</c>.</param>
    /// <param name="inputLike">An input of the map's shape, such as the layer's input x; only its shape is read.</param>
    /// <param name="seed">The seed of v and w.</param>
    /// <exception cref="ArgumentException">A container is not an array of <typeparamref name="T"/>, the input has no entries, or Jᵀ w does not have the input's shape.</exception>
    /// <exception cref="CostEvaluationException">The map or the adjoint threw.</exception>
    public static AdjointReport Check<T, TInput, TOutput>(Func<TInput, TOutput> map, Func<TOutput, TInput> adjoint, TInput inputLike, int seed = 0)
        where T : IFloatingPointIeee754<T>
        where TInput : class
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(adjoint);
        ArgumentNullException.ThrowIfNull(inputLike);
        Array input = ArrayOf<T>(inputLike, "input");
        if (input.Length == 0)
        {
            // A check that passed on nothing would hide a mistake in the test.
            throw new ArgumentException("The map's input has no entries, so there is nothing to check: give an input of the map's shape.", nameof(inputLike));
        }

        var random = new SeededRandom(seed, stream: 0, substream: -100);
        Array v = Filled<T>(input, ref random);
        double[] vValues = ToDouble<T>(v);

        // The user's functions get copies: whatever they do to their argument, v and w stay as drawn.
        TOutput jv = CostEvaluation.Call(() => map((TInput)(object)v.Clone()), "the map J at the seeded v");
        Array output = ArrayOf<T>(jv, "output of the map");
        double[] jvValues = ToDouble<T>(output);
        Array w = Filled<T>(output, ref random);
        double[] wValues = ToDouble<T>(w);
        TInput jtw = CostEvaluation.Call(() => adjoint((TOutput)(object)w.Clone()), "the adjoint Jᵀ at the seeded w");
        Array back = ArrayOf<T>(jtw, "output of the adjoint");
        if (!Shapes.Equal(ShapeOf(back), ShapeOf(input)))
        {
            throw new ArgumentException($"The adjoint's output has shape {Shapes.Format(ShapeOf(back))}, but the map's input has shape {Shapes.Format(ShapeOf(input))}: Jᵀ w must have the shape of v.", nameof(adjoint));
        }

        double[] jtwValues = ToDouble<T>(back);
        (double forward, double forwardMagnitude) = Dot(jvValues, wValues);
        (double backward, double backwardMagnitude) = Dot(vValues, jtwValues);
        return new AdjointReport(forward, backward, forwardMagnitude + backwardMagnitude, vValues.Length, wValues.Length, MachineEpsilon.Of<T>(), seed, TypeNames.Friendly(typeof(T)));
    }

    /// <summary>Checks that <paramref name="adjoint"/> is the adjoint of <paramref name="map"/>, a linear map of vectors of <paramref name="inputLength"/> entries.</summary>
    /// <inheritdoc cref="Check{T, TInput, TOutput}(Func{TInput, TOutput}, Func{TOutput, TInput}, TInput, int)"/>
    /// <param name="map">J: v to J v.</param>
    /// <param name="adjoint">Jᵀ: w to Jᵀ w.</param>
    /// <param name="inputLength">n, the length of v.</param>
    /// <param name="seed">The seed of v and w.</param>
    public static AdjointReport Check<T>(Func<T[], T[]> map, Func<T[], T[]> adjoint, int inputLength, int seed = 0)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return Check<T, T[], T[]>(map, adjoint, new T[inputLength], seed);
    }

    private static int[] ShapeOf(Array array) => [.. Enumerable.Range(0, array.Rank).Select(array.GetLength)];

    private static (double Sum, double Magnitude) Dot(double[] a, double[] b)
    {
        double sum = 0, magnitude = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
            magnitude += Math.Abs(a[i] * b[i]);
        }

        return (sum, magnitude);
    }

    private static Array ArrayOf<T>(object? container, string what) =>
        container is Array array && array.GetType().GetElementType() == typeof(T)
            ? array
            : throw new ArgumentException($"The {what} is {(container is null ? "null" : "a " + TypeNames.Friendly(container.GetType()))}; the adjoint check takes arrays of {TypeNames.Friendly(typeof(T))} (T[], T[,], ...).");

    private static Span<T> SpanOf<T>(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    private static Array Filled<T>(Array shape, ref SeededRandom random)
        where T : IFloatingPointIeee754<T>
    {
        var filled = (Array)shape.Clone();
        Span<T> values = SpanOf<T>(filled);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(random.NextGaussian());
        }

        return filled;
    }

    private static double[] ToDouble<T>(Array array)
        where T : IFloatingPointIeee754<T>
    {
        Span<T> values = SpanOf<T>(array);
        var result = new double[values.Length];
        TensorPrimitives.ConvertTruncating<T, double>(values, result);
        return result;
    }
}
