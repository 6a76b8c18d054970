using System.Numerics.Tensors;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// Parameters whose entries are not each their own memory: a broadcast tensor (stride 0) or one array
/// under two names. Perturbing one entry would move others, so every derivative would be wrong in a
/// way no report could explain: the check refuses them before it calls the cost.
/// </summary>
public class AliasedParameterTests
{
    [Test]
    public void Refuses_a_broadcast_parameter_with_a_stride_of_zero_naming_its_shape_and_strides()
    {
        // One bias row seen by three examples: changing b[0, 0] changes b[1, 0] and b[2, 0] too.
        Tensor<double> bias = Tensor.Create<double>([0.5, -0.5], [3, 2], [0, 1]);
        int calls = 0;

        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(
            () => { calls++; return TensorPrimitives.SumOfSquares<double>(bias.ToDenseTensor().GetSpan([0, 0], 6)); },
            new Dictionary<string, Tensor<double>> { ["b"] = bias },
            new Dictionary<string, double[,]> { ["db"] = new double[3, 2] }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.StartWith("Tensor 'b' of shape (3, 2) is not dense (strides (0, 1))"));
            Assert.That(calls, Is.Zero);
        }
    }

    [Test]
    public void Refuses_one_array_under_two_parameter_names_before_calling_the_cost()
    {
        double[] weights = [1.0, 2.0];
        int calls = 0;

        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(
            () => { calls++; return weights.Sum(); },
            new Dictionary<string, double[]> { ["encoder"] = weights, ["decoder"] = weights },
            new Dictionary<string, double[]> { ["encoder"] = [1.0, 1.0], ["decoder"] = [1.0, 1.0] }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.StartWith("The parameters 'encoder' (2) and 'decoder' (2) share storage"));
            Assert.That(calls, Is.Zero);
        }
    }
}
