using System.Numerics;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Jacobians;

/// <summary>Vector-valued test functions with their exact Jacobians, and gradient functions with their exact Hessian-vector products.</summary>
internal static class VectorFunctions
{
    /// <summary>J of softmax: diag(s) - s sᵀ (symmetric).</summary>
    public static T[,] SoftmaxJacobian<T>(T[] z)
        where T : IFloatingPointIeee754<T>
    {
        T[] s = Functions.Softmax<T>(z);
        var jacobian = new T[z.Length, z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            for (int j = 0; j < z.Length; j++)
            {
                jacobian[i, j] = (i == j ? s[i] : T.Zero) - (s[i] * s[j]);
            }
        }

        return jacobian;
    }

    /// <summary>tanh, entry by entry.</summary>
    public static T[] Tanh<T>(T[] x)
        where T : IFloatingPointIeee754<T> =>
        [.. x.Select(T.Tanh)];

    /// <summary>J of elementwise tanh: diag(1 - tanh²).</summary>
    public static T[,] TanhJacobian<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var jacobian = new T[x.Length, x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            T y = T.Tanh(x[i]);
            jacobian[i, i] = T.One - (y * y);
        }

        return jacobian;
    }

    /// <summary>A x, for A of shape (m, n).</summary>
    public static T[] Multiply<T>(T[,] a, T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var y = new T[a.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            T sum = T.Zero;
            for (int j = 0; j < x.Length; j++)
            {
                sum += a[i, j] * x[j];
            }

            y[i] = sum;
        }

        return y;
    }

    /// <summary>A dense layer's output tanh(W x + b) as a function of its input x.</summary>
    public static T[] DenseLayer<T>(T[,] w, T[] b, T[] x)
        where T : IFloatingPointIeee754<T>
    {
        T[] z = Multiply(w, x);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = T.Tanh(z[i] + b[i]);
        }

        return z;
    }

    /// <summary>J of the dense layer with respect to its input: diag(1 - y²) W.</summary>
    public static T[,] DenseLayerJacobian<T>(T[,] w, T[] b, T[] x)
        where T : IFloatingPointIeee754<T>
    {
        T[] y = DenseLayer(w, b, x);
        var jacobian = new T[w.GetLength(0), w.GetLength(1)];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                jacobian[i, j] = (T.One - (y[i] * y[i])) * w[i, j];
            }
        }

        return jacobian;
    }

    /// <summary>H v of log-sum-exp, whose gradient is softmax: s ⊙ v - s (sᵀ v).</summary>
    public static T[] LogSumExpHessianTimes<T>(T[] x, T[] v)
        where T : IFloatingPointIeee754<T>
    {
        T[] s = Functions.Softmax<T>(x);
        T sv = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sv += s[i] * v[i];
        }

        return [.. s.Select((si, i) => (si * v[i]) - (si * sv))];
    }

    /// <summary>(A + Aᵀ) / 2: the Hessian of ½ xᵀ A x, and the Jacobian of its gradient.</summary>
    public static T[,] SymmetricPart<T>(T[,] a)
        where T : IFloatingPointIeee754<T>
    {
        int n = a.GetLength(0);
        var s = new T[n, n];
        T half = T.CreateTruncating(0.5);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s[i, j] = half * (a[i, j] + a[j, i]);
            }
        }

        return s;
    }

    /// <summary>The transpose.</summary>
    public static T[,] Transpose<T>(T[,] a)
    {
        var t = new T[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                t[j, i] = a[i, j];
            }
        }

        return t;
    }

    /// <summary>The (row, column) of the entry of largest magnitude, where a 1% change is resolvable in float too.</summary>
    public static (int Row, int Column) Largest<T>(T[,] a)
        where T : IFloatingPointIeee754<T>
    {
        (int, int) best = (0, 0);
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                if (T.Abs(a[i, j]) > T.Abs(a[best.Item1, best.Item2]))
                {
                    best = (i, j);
                }
            }
        }

        return best;
    }
}
