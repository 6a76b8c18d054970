using System.Numerics;

namespace GradCheck.Tests.Support;

/// <summary>
/// Ways a dictionary of gradients can fail to match a <see cref="LinearModel{T}"/>'s parameters W (2, 3)
/// and b (2), for the tests that every entry point refuses it with a message naming the problem.
/// </summary>
public enum GradientMismatch
{
    /// <summary>dW is (3, 3), one row too many (its parameter's transpose, (3, 2), is checked and diagnosed instead).</summary>
    OtherShape,

    /// <summary>db is left out.</summary>
    MissingName,

    /// <summary>dV is given too, a gradient of no parameter.</summary>
    ExtraName,
}

/// <summary>Plants a <see cref="GradientMismatch"/> in a model's right gradients.</summary>
internal static class GradientMismatches
{
    /// <summary>What the message lists after the problems: the names the gradients should have matched.</summary>
    public const string ExpectedNames = "Parameters: W, b.";

    public static Dictionary<string, Array> Gradient<T>(this LinearModel<T> model, GradientMismatch mismatch)
        where T : IFloatingPointIeee754<T>
    {
        Dictionary<string, Array> gradient = model.Gradient();
        switch (mismatch)
        {
            case GradientMismatch.OtherShape:
                gradient["dW"] = new T[LinearModel<T>.Inputs, LinearModel<T>.Inputs];
                break;
            case GradientMismatch.MissingName:
                gradient.Remove("db");
                break;
            case GradientMismatch.ExtraName:
                gradient["dV"] = new T[1];
                break;
        }

        return gradient;
    }
}
