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
    /// <summary>Marks the tensors whose gradients were given transposed, and returns <paramref name="report"/>.</summary>
    public static GradientCheckReport Mark(GradientCheckReport report, IReadOnlyList<TransposedGradient> transposed)
    {
        foreach (TransposedGradient given in transposed)
        {
            // A check that stopped before comparing (an obstacle) has no tensor to mark.
            if (report.Tensors.FirstOrDefault(tensor => tensor.Name == given.Parameter) is not { } tensor)
            {
                continue;
            }

            TensorDiagnosis? backDiagnosis = tensor.Diagnosis;
            tensor.TransposedGradient = given;
            string shapes = $"transposed: {given.Gradient} has shape {Shapes.Format(given.GradientShape)}, the transpose of {given.Parameter}'s {Shapes.Format([.. tensor.Shape])}";
            string readBack = $"read transposed back ({ReadBack(given.Gradient, tensor.Shape.Count)})";
            tensor.Diagnosis = backDiagnosis is null
                ? new TensorDiagnosis(BugKind.Transposed, $"{shapes}; {readBack}, every entry matches the numerical {report.Subject.Noun}: give it the shape {Shapes.Format([.. tensor.Shape])}")
                : new TensorDiagnosis(BugKind.Transposed, $"{shapes}; {readBack}: {backDiagnosis.Description}")
                {
                    Factor = backDiagnosis.Factor,
                    OtherTensor = backDiagnosis.OtherTensor,
                    Locations = backDiagnosis.Locations,
                };
        }

        return report;
    }

    /// <summary>Such as <c>a[i,j] = dW1[j,i]</c>, or <c>a[i,j,k] = K[k,j,i]</c> for a rank-3 tensor.</summary>
    private static string ReadBack(string gradient, int rank)
    {
        string[] letters = [.. Enumerable.Range(0, rank).Select(axis => rank <= 6 ? ((char)('i' + axis)).ToString() : "i" + axis)];
        return $"a[{string.Join(",", letters)}] = {gradient}[{string.Join(",", letters.Reverse())}]";
    }
}
