using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// The diagnosis of a gradient given in its parameter's transposed shape (<see cref="TransposedGradient"/>):
/// the tensor fails, and its diagnosis says so first, then what its entries show once transposed back,
/// which is the second mistake when there is one (<c>transposed: dW1 has shape (6, 8), the transpose of
/// W1's (8, 6); read transposed back (a[i,j] = dW1[j,i]): every entry is 2.000x the numerical gradient</c>).
/// </summary>
internal static class TransposedShape
{
    /// <summary>
    /// <paramref name="report"/> with the tensors whose gradients were given transposed marked so, which
    /// fails them and leads their diagnosis; <paramref name="report"/> itself when there are none.
    /// </summary>
    public static GradientCheckReport Mark(GradientCheckReport report, IReadOnlyList<TransposedGradient> transposed)
    {
        // A check that stopped before comparing (an obstacle) has no tensor to mark.
        if (transposed.Count == 0 || report.Tensors.Count == 0)
        {
            return report;
        }

        TensorReport[] tensors = [.. report.Tensors.Select(tensor =>
            transposed.FirstOrDefault(given => given.Parameter == tensor.Name) is { } given ? tensor.WithTransposedGradient(given) : tensor)];
        return new GradientCheckReport(tensors, report.Obstacles, report.Method, report.Options, report.Cost, report.CostEvaluations, report.Subject)
        {
            Notes = report.Notes,
            Recheck = report.Recheck,
        };
    }

    /// <summary>The diagnosis of a tensor whose gradient was given transposed, with <paramref name="readBack"/>, what its entries show read transposed back (null when they are right).</summary>
    public static TensorDiagnosis Diagnose(TensorReport tensor, TransposedGradient given, TensorDiagnosis? readBack, string noun)
    {
        string shapes = $"transposed: {given.Gradient} has shape {Shapes.Format(given.GradientShape)}, the transpose of {given.Parameter}'s {Shapes.Format([.. tensor.Shape])}";
        string back = $"read transposed back ({ReadBack(given.Gradient, tensor.Shape.Count)})";
        return readBack is null
            ? new TensorDiagnosis(BugKind.Transposed, $"{shapes}; {back}, every entry matches the numerical {noun}: give it the shape {Shapes.Format([.. tensor.Shape])}")
            : new TensorDiagnosis(BugKind.Transposed, $"{shapes}; {back}: {readBack.Description}")
            {
                Factor = readBack.Factor,
                OtherTensor = readBack.OtherTensor,
                Locations = readBack.Locations,
            };
    }

    /// <summary>Such as <c>a[i,j] = dW1[j,i]</c>, or <c>a[i,j,k] = K[k,j,i]</c> for a rank-3 tensor.</summary>
    private static string ReadBack(string gradient, int rank)
    {
        string[] letters = [.. Enumerable.Range(0, rank).Select(axis => rank <= 6 ? ((char)('i' + axis)).ToString() : "i" + axis)];
        return $"a[{string.Join(",", letters)}] = {gradient}[{string.Join(",", letters.Reverse())}]";
    }
}
