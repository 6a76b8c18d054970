namespace GradCheck.Reporting;

/// <summary>What kind of mistake a failing tensor's analytic gradient looks like, from its entries alone.</summary>
public enum BugKind
{
    /// <summary>The analytic gradient, or the cost at a perturbed point, is NaN or infinite in some entries.</summary>
    NotFinite,

    /// <summary>
    /// The numerical gradient is 0 in every entry, or within its own error of 0, but the analytic one is
    /// not: the cost does not read this tensor, or does not depend on it.
    /// </summary>
    NotReadByCost,

    /// <summary>The analytic gradient is 0 in every entry but the numerical one is not: a gradient never written, or reset.</summary>
    Zero,

    /// <summary>Every entry is the numerical gradient times one factor (see <see cref="TensorDiagnosis.Factor"/>).</summary>
    ConstantFactor,

    /// <summary>Every entry is the numerical gradient with its sign flipped.</summary>
    SignFlipped,

    /// <summary>The tensor holds the numerical gradient's transpose, or the numerical gradient with two of its axes swapped.</summary>
    Transposed,

    /// <summary>The tensor holds another tensor's numerical gradient (see <see cref="TensorDiagnosis.OtherTensor"/>).</summary>
    SwappedWithTensor,

    /// <summary>Each entry holds the numerical gradient of its neighbour: indices shifted by one, in row-major order or along some axes (padding or a stride off by one).</summary>
    ShiftedByOne,

    /// <summary>The entries are in reverse order along one or several axes (a convolution kernel flipped or rotated 180°, say).</summary>
    Reversed,

    /// <summary>The wrong entries fill whole rows (index along the first axis); the other rows are right.</summary>
    WholeRows,

    /// <summary>The wrong entries fill whole columns (index along the last axis); the other columns are right.</summary>
    WholeColumns,

    /// <summary>Every wrong entry sits on a kink of the cost (a is outside its one-sided derivatives, or the options make kinks fail).</summary>
    AtKinks,

    /// <summary>A few entries are wrong and all the others are right.</summary>
    IsolatedEntries,

    /// <summary>None of the patterns above explains the wrong entries.</summary>
    NoSimplePattern,

    /// <summary>
    /// A fast check's random direction failed, but none of the entries it then differentiated one by one
    /// is wrong: the error is spread thinly over many entries, or sits where the search did not reach.
    /// </summary>
    NotLocalised,

    /// <summary>
    /// No mistake shows: the fitted factor a / n cannot be told from 1 within the numerical derivative's
    /// own error, and the tensor fails only because the stated rule (<c>Within</c>) is tighter than the
    /// check can resolve in this element type.
    /// </summary>
    WithinNumericalError,

    /// <summary>
    /// Every wrong entry is exactly 0 where the numerical gradient is not, and the entries that are not 0
    /// are right: entries never written (a Jacobian with only its diagonal filled).
    /// </summary>
    UnwrittenEntries,
}
