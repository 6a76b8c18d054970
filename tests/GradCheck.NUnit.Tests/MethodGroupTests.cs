namespace GradCheck.NUnit.Tests;

/// <summary>
/// The entry points take a method group as written, with no type argument: the generic forms alone
/// cannot infer the element type from one (CS0411), so these tests would not compile without the
/// overloads for double and float.
/// </summary>
public class MethodGroupTests
{
    private static readonly double[] Point = [0.3, -0.7, 1.1];
    private static readonly float[] PointF = [0.3f, -0.7f, 1.1f];

    private static double Cost() => Problems.Cost(Point);

    private static float CostF() => Problems.CostF(PointF);

    private static double[] Square(double[] x) => [.. x.Select(value => value * value)];

    private static float[] SquareF(float[] x) => [.. x.Select(value => value * value)];

    [Test]
    public void Flat_costs_are_method_groups_in_double_and_float()
    {
        float[] thetaF = [.. Problems.Theta.Select(value => (float)value)];

        Assert.That(Problems.Gradient(Problems.Theta), Is.GradientOf(Problems.Cost).At(Problems.Theta));
        Assert.That(Problems.GradientF(thetaF), Is.GradientOf(Problems.CostF).At(thetaF));
        Assert.That(Problems.Gradient(Problems.Theta).Select(value => -value).ToArray(), Is.Not.GradientOf(Problems.Cost).At(Problems.Theta));
    }

    [Test]
    public void Costs_of_named_tensors_are_method_groups_in_double_and_float()
    {
        var gradients = new Dictionary<string, double[]> { ["theta"] = Problems.Gradient(Point) };
        var gradientsF = new Dictionary<string, float[]> { ["theta"] = Problems.GradientF(PointF) };

        Assert.That(gradients, Is.GradientOf(Cost).WithRespectTo(new Dictionary<string, double[]> { ["theta"] = Point }));
        Assert.That(gradientsF, Is.GradientOf(CostF).WithRespectTo(new Dictionary<string, float[]> { ["theta"] = PointF }));
        gradientsF["theta"][1] *= 2;
        Assert.That(gradientsF, Is.Not.GradientOf(CostF).WithRespectTo(new Dictionary<string, float[]> { ["theta"] = PointF }));
    }

    [Test]
    public void Jacobians_and_Hessian_vector_products_take_method_groups()
    {
        double[] x = [0.5, -2, 3];
        double[,] jacobian = { { 1, 0, 0 }, { 0, -4, 0 }, { 0, 0, 6 } };
        float[,] jacobianF = { { 1, 0, 0 }, { 0, -4, 0 }, { 0, 0, 6 } };

        Assert.That(jacobian, Is.JacobianOf(Square).At(x));
        Assert.That(jacobianF, Is.JacobianOf(SquareF).At([0.5f, -2f, 3f]));
        Assert.That(new double[] { 1, -4, 6 }, Is.HessianVectorProductOf(Square).At(x).Along([1, 1, 1]));
        Assert.That(new double[] { 1, 1, 1 }, Is.Not.HessianVectorProductOf(Square).At(x).Along([1, 1, 1]));
    }
}
