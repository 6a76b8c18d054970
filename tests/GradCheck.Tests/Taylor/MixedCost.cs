using System.Numerics;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Taylor;

/// <summary>
/// A cost not built to be easy: J(x) = logsumexp(x) + Σ sin(x_i) x_(i+1)² (indices cyclic), whose
/// Hessian is dense along the cycle and whose terms mix signs; with its exact gradient and the same
/// gradient with a term left out.
/// </summary>
internal static class MixedCost
{
    public static T Cost<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        T sum = Functions.LogSumExp<T>(x);
        for (int i = 0; i < x.Length; i++)
        {
            T next = x[(i + 1) % x.Length];
            sum += T.Sin(x[i]) * next * next;
        }

        return sum;
    }

    public static T[] Gradient<T>(T[] x)
        where T : IFloatingPointIeee754<T> =>
        Gradient(x, withCycle: true);

    /// <summary>The gradient with the 2 x_i sin(x_(i-1)) term, the chain rule through the square, left out.</summary>
    public static T[] GradientMissingATerm<T>(T[] x)
        where T : IFloatingPointIeee754<T> =>
        Gradient(x, withCycle: false);

    private static T[] Gradient<T>(T[] x, bool withCycle)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        T[] gradient = Functions.Softmax<T>(x);
        T two = T.CreateTruncating(2);
        for (int i = 0; i < n; i++)
        {
            T next = x[(i + 1) % n];
            gradient[i] += T.Cos(x[i]) * next * next;
            if (withCycle)
            {
                gradient[i] += two * x[i] * T.Sin(x[(i + n - 1) % n]);
            }
        }

        return gradient;
    }

    /// <summary>
    /// H v: that of logsumexp, diag(p) v - p (p · v) with p the softmax, and per term sin(x_i) x_j² (j = i + 1)
    /// the block [[-sin(x_i) x_j², 2 cos(x_i) x_j], [2 cos(x_i) x_j, 2 sin(x_i)]] on (x_i, x_j).
    /// </summary>
    public static T[] HessianVectorProduct<T>(T[] x, T[] v)
        where T : IFloatingPointIeee754<T> =>
        HessianVectorProduct(x, v, HessianBug.None);

    /// <summary>A Hessian-vector product with a bug planted: <paramref name="bug"/>.</summary>
    public static T[] HessianVectorProduct<T>(T[] x, T[] v, HessianBug bug)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        T[] p = Functions.Softmax<T>(x);
        T pv = T.Zero;
        for (int i = 0; i < n; i++)
        {
            pv += p[i] * v[i];
        }

        var product = new T[n];
        for (int i = 0; i < n; i++)
        {
            product[i] = (p[i] * v[i]) - (bug == HessianBug.MissingSoftmaxOuterProduct ? T.Zero : p[i] * pv);
        }

        T two = T.CreateTruncating(2);
        for (int i = 0; i < n; i++)
        {
            int j = (i + 1) % n;
            T cross = bug == HessianBug.MissingCrossTerm ? T.Zero : two * T.Cos(x[i]) * x[j];
            product[i] += (-T.Sin(x[i]) * x[j] * x[j] * v[i]) + (cross * v[j]);
            product[j] += (cross * v[i]) + (two * T.Sin(x[i]) * v[j]);
        }

        if (bug == HessianBug.Factor)
        {
            for (int i = 0; i < n; i++)
            {
                product[i] *= T.CreateTruncating(1.5);
            }
        }

        return product;
    }

    public static T[] Point<T>(int length, int seed)
        where T : IFloatingPointIeee754<T> =>
        Functions.Uniform<T>(new Random(seed), length, 1.5);
}

/// <summary>A bug planted in <see cref="MixedCost.HessianVectorProduct{T}(T[], T[], HessianBug)"/>.</summary>
public enum HessianBug
{
    None,

    /// <summary>H v 1.5 times too large.</summary>
    Factor,

    /// <summary>The mixed partial 2 cos(x_i) x_j of each sin(x_i) x_j² left out, both ways.</summary>
    MissingCrossTerm,

    /// <summary>The -p (p · v) of logsumexp's Hessian left out: diag(p) alone.</summary>
    MissingSoftmaxOuterProduct,
}
