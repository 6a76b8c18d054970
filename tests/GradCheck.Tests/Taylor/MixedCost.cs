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

    public static T[] Point<T>(int length, int seed)
        where T : IFloatingPointIeee754<T> =>
        Functions.Uniform<T>(new Random(seed), length, 1.5);
}
