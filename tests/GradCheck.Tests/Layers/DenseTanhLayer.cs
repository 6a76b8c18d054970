using System.Numerics;

namespace GradCheck.Tests.Layers;

/// <summary>
/// y = tanh(W x + b) for x of shape (examples, inputs), the way a from-scratch layer is written: the
/// forward pass keeps what the backward pass needs, the backward pass returns dx and leaves dW and db
/// in <see cref="Gradients"/>. <see cref="Mistake"/> plants a bug in the backward pass.
/// </summary>
public sealed class DenseTanhLayer<T>
    where T : IFloatingPointIeee754<T>
{
    private T[,] input = new T[0, 0];
    private T[,] output = new T[0, 0];

    public DenseTanhLayer(int inputs, int outputs)
    {
        var w = new T[outputs, inputs];
        var b = new T[outputs];
        for (int o = 0; o < outputs; o++)
        {
            b[o] = T.CreateTruncating(0.1 * (o - 1));
            for (int i = 0; i < inputs; i++)
            {
                w[o, i] = T.CreateTruncating(0.4 * Math.Sin((3 * o) + i + 1));
            }
        }

        Parameters = new Dictionary<string, Array> { ["W"] = w, ["b"] = b };
        Gradients = new Dictionary<string, Array> { ["dW"] = new T[outputs, inputs], ["db"] = new T[outputs] };
    }

    public enum Bug
    {
        None,
        InputGradientScaled,
        BiasGradientFromFirstExample,
        ActivationDerivativeMissing,
    }

    public Bug Mistake { get; init; }

    public Dictionary<string, Array> Parameters { get; }

    public Dictionary<string, Array> Gradients { get; }

    public int ForwardCalls { get; private set; }

    public T[,] Forward(T[,] x)
    {
        ForwardCalls++;
        var w = (T[,])Parameters["W"];
        var b = (T[])Parameters["b"];
        int examples = x.GetLength(0);
        int outputs = w.GetLength(0);
        input = x;
        output = new T[examples, outputs];
        for (int e = 0; e < examples; e++)
        {
            for (int o = 0; o < outputs; o++)
            {
                T z = b[o];
                for (int i = 0; i < w.GetLength(1); i++)
                {
                    z += w[o, i] * x[e, i];
                }

                output[e, o] = T.Tanh(z);
            }
        }

        return output;
    }

    public T[,] Backward(T[,] dy)
    {
        var w = (T[,])Parameters["W"];
        var dw = (T[,])Gradients["dW"];
        var db = (T[])Gradients["db"];
        Array.Clear(dw);
        Array.Clear(db);
        var dx = new T[input.GetLength(0), input.GetLength(1)];
        for (int e = 0; e < dy.GetLength(0); e++)
        {
            for (int o = 0; o < dy.GetLength(1); o++)
            {
                T dz = Mistake == Bug.ActivationDerivativeMissing ? dy[e, o] : dy[e, o] * (T.One - (output[e, o] * output[e, o]));
                if (Mistake != Bug.BiasGradientFromFirstExample || e == 0)
                {
                    db[o] += dz;
                }

                for (int i = 0; i < dx.GetLength(1); i++)
                {
                    dw[o, i] += dz * input[e, i];
                    dx[e, i] += dz * w[o, i] * (Mistake == Bug.InputGradientScaled ? T.CreateTruncating(1.01) : T.One);
                }
            }
        }

        return dx;
    }
}
