using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Jacobians;

/// <summary>
/// The vector-valued function under check (f of a Jacobian check, the gradient function g of a
/// Hessian-vector product check), evaluated in double. It is called on a fresh copy of each point, so
/// it may use its argument as scratch space or return it, and the caller's x is never touched; its
/// result is copied at once, because it may be a buffer the next call overwrites (FiniteDifferences.jl's
/// <c>jacobian</c> copies for the same reason: "in case f(x) returns something that aliases x").
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class VectorFunction<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> function;
    private readonly T[] argument;
    private readonly CancellationToken cancellation;
    private readonly List<string> nonFinite = [];
    private int nonFiniteCount;

    /// <param name="function">The function.</param>
    /// <param name="name">Its name in messages: <c>f</c> or <c>g</c>.</param>
    /// <param name="inputs">The length of its argument.</param>
    /// <param name="cancellation">The check's cancellation token, looked at before every evaluation.</param>
    public VectorFunction(Func<T[], T[]> function, string name, int inputs, CancellationToken cancellation)
    {
        this.function = function;
        this.cancellation = cancellation;
        Name = name;
        argument = new T[inputs];
    }

    /// <summary>The function's name in messages: <c>f</c> or <c>g</c>.</summary>
    public string Name { get; }

    /// <summary>How many values the function returns: set by the first evaluation, then held to.</summary>
    public int Outputs { get; private set; } = -1;

    /// <summary>How many times the function was evaluated.</summary>
    public long Evaluations { get; private set; }

    /// <summary>The function at <paramref name="point"/>, in double.</summary>
    /// <param name="point">Where to evaluate; copied, never passed on.</param>
    /// <param name="where">The point in words for messages, such as <c>x[3] + 2h</c> or <c>the given x</c>.</param>
    /// <exception cref="CostEvaluationException">The function threw.</exception>
    /// <exception cref="ArgumentException">The function returned null, or not as many values as at the first evaluation.</exception>
    /// <exception cref="OperationCanceledException">The check was cancelled.</exception>
    public double[] Evaluate(ReadOnlySpan<T> point, string where)
    {
        if (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(
                $"The check was cancelled before {Name} was evaluated at {where}, after {Evaluations} evaluations; x is untouched ({Name} is only ever called on copies).",
                cancellation);
        }

        point.CopyTo(argument);
        T[] output = CostEvaluation.Call(() => function(argument), where);

        Evaluations++;
        if (output is null)
        {
            throw new ArgumentException($"{Name} returned null at {where}.");
        }

        if (Outputs < 0)
        {
            Outputs = output.Length;
        }
        else if (output.Length != Outputs)
        {
            throw new ArgumentException(
                $"{Name} returned {output.Length} values at {where} after {Outputs} at the given x: the length of its output must not depend on the values of its input.");
        }

        var values = new double[output.Length];
        TensorPrimitives.ConvertTruncating<T, double>(output, values);
        return values;
    }

    /// <summary>As <see cref="Evaluate"/>, and notes every value that is not finite, for the report.</summary>
    /// <param name="point">Where to evaluate.</param>
    /// <param name="where">The perturbed point in words, such as <c>x[3] + 2h</c>.</param>
    public double[] EvaluatePerturbed(ReadOnlySpan<T> point, string where)
    {
        double[] values = Evaluate(point, where);
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                nonFiniteCount++;
                if (nonFinite.Count < GivenPointObstacles.NonFiniteShown)
                {
                    nonFinite.Add(string.Create(CultureInfo.InvariantCulture, $"{Name}[{i}] = {DistinctDigits.General(values[i])} at {where}"));
                }
            }
        }

        return values;
    }

    /// <summary>
    /// A line naming where the function was not finite at perturbed points, such as
    /// <c>Not finite: f[2] = NaN at x[3] + 2h, ... (7 values in all)</c>; null if it always was.
    /// </summary>
    public string? NonFiniteNote()
    {
        if (nonFiniteCount == 0)
        {
            return null;
        }

        string more = nonFiniteCount > nonFinite.Count
            ? string.Create(CultureInfo.InvariantCulture, $", ... ({nonFiniteCount} values in all)")
            : string.Empty;
        return $"Not finite at perturbed points: {string.Join(", ", nonFinite)}{more}";
    }
}
