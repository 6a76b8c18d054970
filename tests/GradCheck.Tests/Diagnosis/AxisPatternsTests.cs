using System.Numerics;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Diagnosis;

/// <summary>
/// The index mistakes of convolution-shaped code, planted into the exact gradient of a rank-3 or rank-4
/// tensor of <see cref="CoupledTensorCost{T}"/>, in float and double: each reversal over one or several
/// axes, each shift by one over one or several axes (the entries at the edge, which have no partner,
/// 0 or anything), each swap of two axes, named in words; and none of them read into a correct
/// gradient, a factor, noise or one wrong entry.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class AxisPatternsTests<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The mistakes, with the shape they are planted in and what the diagnosis must say.</summary>
    public static IEnumerable<TestCaseData> Mistakes()
    {
        int[] kernel = [3, 2, 3, 3];
        int[] images = [2, 2, 5, 5];
        int[] cube = [3, 3, 4];

        TestCaseData Case(string name, int[] shape, Func<double[], int[], double[]> mistake, BugKind kind, string description) =>
            new TestCaseData(shape, mistake, kind, description).SetName($"{name} {{a}}");

        // Rank 4, a convolution kernel (C_out, C_in, 3, 3).
        yield return Case("Kernel rotated 180 degrees", kernel, Reversed(2, 3), BugKind.Reversed,
            "reversed along its last two axes: a[i,j,k,l] = n[i,j,2-k,2-l], the numerical gradient flipped (a kernel rotated 180°: a convolution written where a correlation was meant, or the other way round?)");
        yield return Case("Kernel reversed along its input channels", kernel, Reversed(1), BugKind.Reversed,
            "reversed along its second axis: a[i,j,k,l] = n[i,1-j,k,l], the numerical gradient flipped (a convolution kernel flipped?)");
        yield return Case("Kernel reversed along output channels and rows", kernel, Reversed(0, 2), BugKind.Reversed,
            "reversed along its first and third axes: a[i,j,k,l] = n[2-i,j,2-k,l], the numerical gradient flipped (a convolution kernel flipped?)");
        yield return Case("Kernel reversed along its last axis", kernel, Reversed(3), BugKind.Reversed,
            "reversed along its last index: a[..., j] = n[..., 2-j], the numerical gradient flipped (a convolution kernel flipped?)");
        yield return Case("Kernel shifted along both spatial axes, edge 0", kernel, Shifted([2, 3], [1, 1], Edge.Zero), BugKind.ShiftedByOne,
            "shifted by one along its last two axes: a[i,j,k,l] = n[i,j,k+1,l+1], and the 30 entries with no partner at the edge are 0 (padding or a stride off by one?)");
        yield return Case("Kernel shifted back along its last axis, edge kept", kernel, Shifted([3], [-1], Edge.Kept), BugKind.ShiftedByOne,
            "shifted by one along its last axis: a[i,j,k,l] = n[i,j,k,l-1], and the 18 entries with no partner at the edge hold other values (padding or a stride off by one?)");
        yield return Case("Kernel channel axes of different sizes swapped", kernel, AxesSwapped(0, 1), BugKind.Transposed,
            "its first and second axes swapped: its entries, in row-major order, are those of the numerical gradient with these axes swapped (2, 3, 3, 3) (channel axes in the wrong order?)");
        yield return Case("Kernel spatial axes swapped", kernel, AxesSwapped(2, 3), BugKind.Transposed,
            "its third and fourth axes swapped: a[i,j,k,l] = n[i,j,l,k] (each kernel or image transposed?)");

        // Rank 4, a batch of images (N, C, H, W).
        yield return Case("Images shifted by padding off by one", images, Shifted([2, 3], [1, 1], Edge.Garbage), BugKind.ShiftedByOne,
            "shifted by one along its last two axes: a[i,j,k,l] = n[i,j,k+1,l+1], and the 36 entries with no partner at the edge hold other values (padding or a stride off by one?)");
        yield return Case("Images shifted along channels and rows", images, Shifted([1, 2], [-1, 1], Edge.Zero), BugKind.ShiftedByOne,
            "shifted by one along its second and third axes: a[i,j,k,l] = n[i,j-1,k+1,l], and the 60 entries with no partner at the edge are 0 (padding or a stride off by one?)");
        yield return Case("Images with batch and channel axes swapped", images, AxesSwapped(0, 1), BugKind.Transposed,
            "its first and second axes swapped: a[i,j,k,l] = n[j,i,k,l] (channel axes in the wrong order?)");
        yield return Case("Images rotated 180 degrees", images, Reversed(2, 3), BugKind.Reversed,
            "reversed along its last two axes: a[i,j,k,l] = n[i,j,4-k,4-l], the numerical gradient flipped (a kernel rotated 180°: a convolution written where a correlation was meant, or the other way round?)");

        // Rank 3, (C, H, W).
        yield return Case("Rank 3 rotated 180 degrees", cube, Reversed(1, 2), BugKind.Reversed,
            "reversed along its last two axes: a[i,j,k] = n[i,2-j,3-k], the numerical gradient flipped (a kernel rotated 180°: a convolution written where a correlation was meant, or the other way round?)");
        yield return Case("Rank 3 reversed along all three axes", cube, Reversed(0, 1, 2), BugKind.Reversed,
            "reversed along its first, second and third axes: a[i,j,k] = n[2-i,2-j,3-k], the numerical gradient flipped (a convolution kernel flipped?)");
        yield return Case("Rank 3 shifted along its first axis", cube, Shifted([0], [-1], Edge.Zero), BugKind.ShiftedByOne,
            "shifted by one along its first axis: a[i,j,k] = n[i-1,j,k], and the 12 entries with no partner at the edge are 0 (padding or a stride off by one?)");
        yield return Case("Rank 3 shifted along all three axes", cube, Shifted([0, 1, 2], [1, -1, 1], Edge.Garbage), BugKind.ShiftedByOne,
            "shifted by one along its first, second and third axes: a[i,j,k] = n[i+1,j-1,k+1], and the 24 entries with no partner at the edge hold other values (padding or a stride off by one?)");
        yield return Case("Rank 3 leading axes of equal size swapped", cube, AxesSwapped(0, 1), BugKind.Transposed,
            "its first and second axes swapped: a[i,j,k] = n[j,i,k]");
        yield return Case("Rank 3 trailing axes of different sizes swapped", cube, AxesSwapped(1, 2), BugKind.Transposed,
            "its second and third axes swapped: its entries, in row-major order, are those of the numerical gradient with these axes swapped (3, 4, 3) (each kernel or image transposed?)");
    }

    /// <summary>Mistakes that move no index: none may be named as a reversal, a shift or a swap.</summary>
    public static IEnumerable<TestCaseData> OtherMistakes()
    {
        foreach (int[] shape in new[] { new[] { 3, 2, 3, 3 }, [2, 2, 5, 5], [3, 3, 4] })
        {
            string rank = $"rank {shape.Length} ({string.Join(", ", shape)})";
            yield return new TestCaseData(shape, (Func<double[], int[], double[]>)((g, _) => [.. g.Select(value => 1.01 * value)]), BugKind.ConstantFactor).SetName($"One percent too large, {rank} {{a}}");
            yield return new TestCaseData(shape, (Func<double[], int[], double[]>)((g, _) => [.. g.Select((value, k) => value * (1 + (0.05 * Math.Sin(7.3 * k))))]), BugKind.NoSimplePattern).SetName($"Noise in every entry, {rank} {{a}}");
            yield return new TestCaseData(shape, (Func<double[], int[], double[]>)((g, _) => [.. g.Select((value, k) => k == 5 ? value + 1 : value)]), BugKind.IsolatedEntries).SetName($"One entry off, {rank} {{a}}");
        }
    }

    private enum Edge
    {
        /// <summary>The entries with no partner are 0 (a padding read as zeros).</summary>
        Zero,

        /// <summary>They keep their right value.</summary>
        Kept,

        /// <summary>They hold values of no relation to the gradient.</summary>
        Garbage,
    }

    [TestCaseSource(nameof(Mistakes))]
    public void An_index_mistake_is_named_with_its_axes(int[] shape, Func<double[], int[], double[]> mistake, BugKind kind, string description)
    {
        var cost = new CoupledTensorCost<T>(shape, seed: 7);
        GradientCheckReport report = GradientChecker.Check(cost.Cost, cost.Parameters, cost.Gradient(mistake));

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "P" }), report.ToString());
        TensorDiagnosis? diagnosis = report.FailedTensors.First().Diagnosis;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis?.Kind, Is.EqualTo(kind), report.ToString());
            Assert.That(diagnosis?.Description, Is.EqualTo(description));
        }
    }

    [TestCaseSource(nameof(OtherMistakes))]
    public void A_mistake_that_moves_no_index_is_named_as_what_it_is(int[] shape, Func<double[], int[], double[]> mistake, BugKind kind)
    {
        var cost = new CoupledTensorCost<T>(shape, seed: 7);
        GradientCheckReport report = GradientChecker.Check(cost.Cost, cost.Parameters, cost.Gradient(mistake));

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "P" }), report.ToString());
        Assert.That(report.FailedTensors.First().Diagnosis?.Kind, Is.EqualTo(kind), report.ToString());
    }

    [TestCase(new[] { 3, 2, 3, 3 })]
    [TestCase(new[] { 2, 2, 5, 5 })]
    [TestCase(new[] { 3, 3, 4 })]
    [TestCase(new[] { 2, 1, 3, 3 })]
    public void A_correct_gradient_gets_no_diagnosis(int[] shape)
    {
        foreach (int seed in Enumerable.Range(1, 10))
        {
            var cost = new CoupledTensorCost<T>(shape, seed);
            GradientCheckReport report = GradientChecker.Check(cost.Cost, cost.Parameters, cost.Gradient((g, _) => g));

            Assert.That(report.Tensors.Where(tensor => tensor.Diagnosis is not null || !tensor.Passed).Select(tensor => $"seed {seed}: {tensor.Name}: {tensor.Diagnosis}"), Is.Empty, report.ToString());
        }
    }

    /// <summary>a[index] = n[index with the given axes mirrored].</summary>
    private static Func<double[], int[], double[]> Reversed(params int[] axes) => (gradient, shape) =>
        Moved(gradient, shape, index =>
        {
            int[] source = [.. index];
            foreach (int axis in axes)
            {
                source[axis] = shape[axis] - 1 - index[axis];
            }

            return source;
        }, Edge.Kept);

    /// <summary>a[index] = n[index + steps over the given axes]; past the edge, what <paramref name="edge"/> says.</summary>
    private static Func<double[], int[], double[]> Shifted(int[] axes, int[] steps, Edge edge) => (gradient, shape) =>
        Moved(gradient, shape, index =>
        {
            int[] source = [.. index];
            for (int i = 0; i < axes.Length; i++)
            {
                source[axes[i]] += steps[i];
                if (source[axes[i]] < 0 || source[axes[i]] >= shape[axes[i]])
                {
                    return null;
                }
            }

            return source;
        }, edge);

    /// <summary>The gradient laid out with two axes swapped, its entries poured in row-major order into the original shape.</summary>
    private static Func<double[], int[], double[]> AxesSwapped(int first, int second) => (gradient, shape) =>
    {
        int[] swappedShape = [.. shape];
        (swappedShape[first], swappedShape[second]) = (shape[second], shape[first]);
        double[] poured = new double[gradient.Length];
        for (int flat = 0; flat < gradient.Length; flat++)
        {
            int[] index = Unflatten(flat, swappedShape);
            (index[first], index[second]) = (index[second], index[first]);
            poured[flat] = gradient[Flatten(index, shape)];
        }

        return poured;
    };

    private static double[] Moved(double[] gradient, int[] shape, Func<int[], int[]?> source, Edge edge)
    {
        double[] moved = new double[gradient.Length];
        for (int flat = 0; flat < gradient.Length; flat++)
        {
            int[]? from = source(Unflatten(flat, shape));
            moved[flat] = from is not null ? gradient[Flatten(from, shape)] : edge switch
            {
                Edge.Zero => 0,
                Edge.Kept => gradient[flat],
                _ => 3.5 + Math.Cos(flat),
            };
        }

        return moved;
    }

    private static int[] Unflatten(int flat, int[] shape)
    {
        int[] index = new int[shape.Length];
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            index[axis] = flat % shape[axis];
            flat /= shape[axis];
        }

        return index;
    }

    private static int Flatten(int[] index, int[] shape)
    {
        int flat = 0;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            flat = (flat * shape[axis]) + index[axis];
        }

        return flat;
    }
}
