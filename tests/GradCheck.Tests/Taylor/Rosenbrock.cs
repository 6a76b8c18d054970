using System.Numerics;

namespace GradCheck.Tests.Taylor;

/// <summary>
/// The extended Rosenbrock function Σ 100 (x_(i+1) - x_i²)² + (1 - x_i)², i &lt; n - 1: a curved valley
/// whose curvature ranges over orders of magnitude, with its gradient and Hessian-vector product.
/// </summary>
internal static class Rosenbrock
{
    public static T Cost<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            T valley = x[i + 1] - (x[i] * x[i]);
            T off = T.One - x[i];
            sum += (T.CreateTruncating(100) * valley * valley) + (off * off);
        }

        return sum;
    }

    public static T[] Gradient<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var gradient = new T[x.Length];
        for (int i = 0; i + 1 < x.Length; i++)
        {
            T valley = x[i + 1] - (x[i] * x[i]);
            gradient[i] += (T.CreateTruncating(-400) * x[i] * valley) - (T.CreateTruncating(2) * (T.One - x[i]));
            gradient[i + 1] += T.CreateTruncating(200) * valley;
        }

        return gradient;
    }

    /// <summary>H v from the blocks [[1200 x_i² - 400 x_(i+1) + 2, -400 x_i], [-400 x_i, 200]] on (x_i, x_(i+1)).</summary>
    public static T[] HessianVectorProduct<T>(T[] x, T[] v)
        where T : IFloatingPointIeee754<T>
    {
        var product = new T[x.Length];
        for (int i = 0; i + 1 < x.Length; i++)
        {
            T diagonal = (T.CreateTruncating(1200) * x[i] * x[i]) - (T.CreateTruncating(400) * x[i + 1]) + T.CreateTruncating(2);
            T cross = T.CreateTruncating(-400) * x[i];
            product[i] += (diagonal * v[i]) + (cross * v[i + 1]);
            product[i + 1] += (cross * v[i]) + (T.CreateTruncating(200) * v[i + 1]);
        }

        return product;
    }
}
