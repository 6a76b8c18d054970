using System.Numerics;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Differentiation;

/// <summary>
/// The cost wrote to an entry the check had moved, while it was being evaluated there (a clamp that
/// pulls a stepped entry back into bounds, say). The check restores the entry itself after every
/// evaluation, so the write would leave no trace the snapshot could see, and the derivative would be
/// measured at points the check did not choose: it stops, and reports that the cost modified the parameter.
/// </summary>
internal sealed class ParameterWrittenException : Exception
{
    private ParameterWrittenException(string tensor, string detail)
        : base(detail)
    {
        Tensor = tensor;
    }

    /// <summary>The name of the tensor written to.</summary>
    public string Tensor { get; }

    /// <summary>
    /// Throws unless <paramref name="values"/> are <paramref name="given"/> bit for bit: a probe that
    /// restores from the snapshot checks first that no earlier evaluation wrote to the tensor, since the
    /// restore would erase the trace.
    /// </summary>
    public static void ThrowIfNotGiven<T>(NamedTensor<T> tensor, ReadOnlySpan<T> values, ReadOnlySpan<T> given)
        where T : IFloatingPointIeee754<T>
    {
        int index = Bitwise.FirstDifference<T>(values, given);
        if (index < 0)
        {
            return;
        }

        string[] shown = DistinctDigits.General([double.CreateTruncating(given[index]), double.CreateTruncating(values[index])]);
        throw new ParameterWrittenException(
            tensor.Name,
            $"{Shapes.EntryLabel(tensor.Name, index, tensor.Storage.Shape)} was {shown[0]} and held {shown[1]} after an evaluation");
    }

    /// <summary>Throws unless entry <paramref name="index"/> of <paramref name="tensor"/> still holds <paramref name="moved"/> bit for bit.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="values">Its entries as they are after the evaluation.</param>
    /// <param name="index">The entry's row-major index.</param>
    /// <param name="moved">The value the check put there before the evaluation.</param>
    public static void ThrowIfChanged<T>(NamedTensor<T> tensor, ReadOnlySpan<T> values, int index, T moved)
        where T : IFloatingPointIeee754<T>
    {
        if (!Bitwise.Equal<T>(values.Slice(index, 1), new ReadOnlySpan<T>(in moved)))
        {
            string[] shown = DistinctDigits.General([double.CreateTruncating(moved), double.CreateTruncating(values[index])]);
            throw new ParameterWrittenException(
                tensor.Name,
                $"{Shapes.EntryLabel(tensor.Name, index, tensor.Storage.Shape)}, which the check had moved to {shown[0]}, held {shown[1]} when the cost returned");
        }
    }
}
