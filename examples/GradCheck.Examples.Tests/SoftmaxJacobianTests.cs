using GradCheck.NUnit;

namespace GradCheck.Examples.Tests;

/// <summary>
/// Vector-valued functions and second order: the Jacobian of softmax, and the Hessian-vector product
/// of log-sum-exp (whose gradient is softmax) against finite differences of that gradient.
/// </summary>
public class SoftmaxJacobianTests
{
    private static readonly double[] X = [0.3, -1.2, 0.8, 0.1];

    [Test]
    public void Softmax_jacobian_is_right()
    {
        Assert.That(SoftmaxJacobian(X), Is.JacobianOf((double[] x) => Softmax(x)).At(X));
    }

    [Test]
    public void A_jacobian_with_one_entry_off_is_caught()
    {
        double[,] jacobian = SoftmaxJacobian(X);
        jacobian[0, 1] += 0.01;

        Assert.That(jacobian, Is.Not.JacobianOf((double[] x) => Softmax(x)).At(X));
    }

    [Test]
    public void Log_sum_exp_hessian_vector_product_is_right()
    {
        double[] v = [1.0, 0.5, -0.25, 2.0];

        // H = diag(p) - p pᵀ for p = softmax(x), so H v = p ∘ v - p (p · v).
        double[] p = Softmax(X);
        double pv = p.Zip(v, (a, b) => a * b).Sum();
        double[] hv = [.. p.Zip(v, (a, b) => (a * b) - (a * pv))];

        Assert.That(hv, Is.HessianVectorProductOf((double[] x) => Softmax(x)).At(X).Along(v));
    }

    private static double[] Softmax(double[] x)
    {
        double max = x.Max();
        double[] e = [.. x.Select(value => Math.Exp(value - max))];
        double sum = e.Sum();
        return [.. e.Select(value => value / sum)];
    }

    /// <summary>∂p_i/∂x_j = p_i (δ_ij - p_j).</summary>
    private static double[,] SoftmaxJacobian(double[] x)
    {
        double[] p = Softmax(x);
        var jacobian = new double[p.Length, p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            for (int j = 0; j < p.Length; j++)
            {
                jacobian[i, j] = p[i] * ((i == j ? 1 : 0) - p[j]);
            }
        }

        return jacobian;
    }
}
