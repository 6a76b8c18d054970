using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GradCheck.Tests.Support;

/// <summary>
/// J = Σ_k w_k sin(P_k) + ½ (Σ_k u_k P_k)² + Σ_k v_k cos(Q_k) over an N-D tensor P and a vector Q,
/// with seeded random w, u and v: a cost that couples every entry of P with every other, so that its
/// gradient w ∘ cos(P) + (u · P) u has no structure a planted index mistake could match by chance.
/// Q is never changed by a test: it must never carry a diagnosis.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal sealed class CoupledTensorCost<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly double[] w;
    private readonly double[] u;
    private readonly double[] v;

    public CoupledTensorCost(int[] shape, int seed)
    {
        var random = new Random(seed);
        P = Array.CreateInstance(typeof(T), shape);
        Span<T> p = Flat(P);
        w = new double[p.Length];
        u = new double[p.Length];
        for (int k = 0; k < p.Length; k++)
        {
            p[k] = T.CreateTruncating((2 * random.NextDouble()) - 1);
            w[k] = 0.5 + random.NextDouble();
            u[k] = (2 * random.NextDouble()) - 1;
        }

        Q = new T[5];
        v = new double[Q.Length];
        for (int k = 0; k < Q.Length; k++)
        {
            Q[k] = T.CreateTruncating((2 * random.NextDouble()) - 1);
            v[k] = 0.5 + random.NextDouble();
        }
    }

    /// <summary>The N-D tensor, read in place by <see cref="Cost"/>.</summary>
    public Array P { get; }

    /// <summary>The vector left right in every test.</summary>
    public T[] Q { get; }

    public Dictionary<string, object> Parameters => new(StringComparer.Ordinal) { ["P"] = P, ["Q"] = Q };

    public T Cost()
    {
        Span<T> p = Flat(P);
        double sum = 0;
        double projection = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double value = double.CreateTruncating(p[k]);
            sum += w[k] * Math.Sin(value);
            projection += u[k] * value;
        }

        for (int k = 0; k < Q.Length; k++)
        {
            sum += v[k] * Math.Cos(double.CreateTruncating(Q[k]));
        }

        return T.CreateTruncating(sum + (projection * projection / 2));
    }

    /// <summary>The exact gradient of P, row-major, with <paramref name="change"/> applied to it (given the shape), and Q's.</summary>
    public Dictionary<string, object> Gradient(Func<double[], int[], double[]> change)
    {
        Span<T> p = Flat(P);
        double projection = 0;
        for (int k = 0; k < p.Length; k++)
        {
            projection += u[k] * double.CreateTruncating(p[k]);
        }

        double[] gradient = new double[p.Length];
        for (int k = 0; k < p.Length; k++)
        {
            gradient[k] = (w[k] * Math.Cos(double.CreateTruncating(p[k]))) + (projection * u[k]);
        }

        int[] shape = [.. Enumerable.Range(0, P.Rank).Select(P.GetLength)];
        double[] changed = change(gradient, shape);
        Array dp = Array.CreateInstance(typeof(T), shape);
        Span<T> target = Flat(dp);
        for (int k = 0; k < changed.Length; k++)
        {
            target[k] = T.CreateTruncating(changed[k]);
        }

        T[] dq = [.. Q.Select((q, k) => T.CreateTruncating(-v[k] * Math.Sin(double.CreateTruncating(q))))];
        return new Dictionary<string, object>(StringComparer.Ordinal) { ["P"] = dp, ["Q"] = dq };
    }

    /// <summary>A multi-dimensional array's entries in row-major order, in place.</summary>
    private static Span<T> Flat(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
}
