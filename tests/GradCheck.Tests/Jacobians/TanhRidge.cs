using System.Numerics;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Jacobians;

/// <summary>
/// L(x) = Σ_q c_q tanh(w_q · x), a one-hidden-layer network's output as a function of its input: a
/// cost with nonzero third derivatives, whose gradient g = Σ_q c_q (1 - t_q²) w_q and Hessian
/// H = Σ_q -2 c_q t_q (1 - t_q²) w_q w_qᵀ are written by hand as a backward pass would be.
/// </summary>
internal sealed class TanhRidge<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T[,] w;
    private readonly T[] c;

    public TanhRidge(int seed, int inputs, int hidden)
    {
        var random = new Random(seed);
        w = Functions.UniformMatrix<T>(random, hidden, inputs, 1.0);
        c = Functions.Uniform<T>(random, hidden, 1.0);
    }

    public T[] Gradient(T[] x)
    {
        T[] z = VectorFunctions.Multiply(w, x);
        var g = new T[x.Length];
        for (int q = 0; q < z.Length; q++)
        {
            T t = T.Tanh(z[q]);
            for (int i = 0; i < x.Length; i++)
            {
                g[i] += c[q] * (T.One - (t * t)) * w[q, i];
            }
        }

        return g;
    }

    public T[] HessianTimes(T[] x, T[] v)
    {
        T[] z = VectorFunctions.Multiply(w, x);
        T[] wv = VectorFunctions.Multiply(w, v);
        var hv = new T[x.Length];
        for (int q = 0; q < z.Length; q++)
        {
            T t = T.Tanh(z[q]);
            T weight = T.CreateTruncating(-2) * c[q] * t * (T.One - (t * t)) * wv[q];
            for (int i = 0; i < x.Length; i++)
            {
                hv[i] += weight * w[q, i];
            }
        }

        return hv;
    }
}
