using System.Numerics;
using GradCheck.Parameters;

namespace GradCheck.Differentiation;

/// <summary>
/// Evaluates the cost with one entry moved to a given point. The caller saves the entry first and puts
/// it back by assignment in a <c>finally</c> (never by subtracting the step again: floating-point
/// addition does not undo), so an exception leaves the parameter as it was; so does a cancelled check,
/// which stops before its next evaluation.
/// </summary>
internal readonly ref struct CostProbe<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T> cost;
    private readonly NamedTensor<T> tensor;
    private readonly CancellationToken cancellation;

    public CostProbe(Func<T> cost, NamedTensor<T> tensor, CancellationToken cancellation)
    {
        this.cost = cost;
        this.tensor = tensor;
        this.cancellation = cancellation;
        Values = tensor.Storage.Span;
    }

    /// <summary>The tensor's entries, which the probe moves one at a time.</summary>
    public Span<T> Values { get; }

    /// <summary>How many entries the tensor has.</summary>
    public int Length => Values.Length;

    /// <summary>J with entry <paramref name="index"/> set to <paramref name="point"/>, in double.</summary>
    /// <param name="index">The entry's row-major index.</param>
    /// <param name="point">The value to evaluate at.</param>
    /// <param name="multiple">The point as a multiple of the step (for the message if the cost throws).</param>
    /// <exception cref="OperationCanceledException">The check was cancelled; the entry has not been moved to <paramref name="point"/>.</exception>
    /// <exception cref="ParameterWrittenException">The cost wrote to the entry.</exception>
    public double At(int index, T point, int multiple)
    {
        cancellation.ThrowIfCancellationRequested();
        Values[index] = point;

        // The entry's name is built only if the cost throws: this runs once per evaluation.
        T value = CostEvaluation.Call(
            cost,
            (tensor, index, multiple),
            static entry => Shapes.EntryLabel(entry.tensor.Name, entry.index, entry.tensor.Storage.Shape) + " " + StepSize.OffsetText(entry.multiple));

        // The check restores the entry itself afterwards, so a write by the cost to it is seen here or never.
        ParameterWrittenException.ThrowIfChanged(tensor, Values, index, point);
        return double.CreateTruncating(value);
    }
}
