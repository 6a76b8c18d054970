using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using GradCheck.Reporting;
using Shouldly;

namespace GradCheck.Shouldly;

/// <summary>
/// <c>transpose.ShouldBeAdjointOf(convolve, inputLength: 32)</c>: the dot-product test, &lt;J v, w&gt; =
/// &lt;v, Jᵀ w&gt; for seeded random v and w to round-off (see <see cref="AdjointReport"/>).
/// </summary>
[ShouldlyMethods]
[StackTraceHidden]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ShouldBeAdjointTestExtensions
{
    private const string Indent = "    ";

    /// <summary>Asserts that <paramref name="actual"/> is the adjoint of the linear map <paramref name="map"/> of vectors of <paramref name="inputLength"/> entries.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="actual">Jᵀ: w to Jᵀ w, such as a layer's backward pass.</param>
    /// <param name="map">J: v to J v, such as the layer's forward-mode derivative.</param>
    /// <param name="inputLength">n, the length of v.</param>
    /// <param name="seed">The seed of v and w.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">The two sides differ by more than round-off, or one is not finite.</exception>
    public static void ShouldBeAdjointOf<T>(
        this Func<T[], T[]> actual,
        Func<T[], T[]> map,
        int inputLength,
        int seed = 0,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(actual);
        Assert(AdjointChecker.Check(map, actual, inputLength, seed), customMessage, actualExpression);
    }

    /// <summary>Asserts that <paramref name="actual"/> is the adjoint of the linear map <paramref name="map"/> of arrays shaped like <paramref name="inputLike"/>.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TInput">The map's input: an array of any rank.</typeparam>
    /// <typeparam name="TOutput">The map's output: an array of any rank.</typeparam>
    /// <param name="actual">Jᵀ: w to Jᵀ w.</param>
    /// <param name="map">J: v to J v.</param>
    /// <param name="inputLike">An input of the map's shape, only read for its shape.</param>
    /// <param name="seed">The seed of v and w.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">The two sides differ by more than round-off, or one is not finite.</exception>
    public static void ShouldBeAdjointOf<T, TInput, TOutput>(
        this Func<TOutput, TInput> actual,
        Func<TInput, TOutput> map,
        TInput inputLike,
        int seed = 0,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T>
        where TInput : class
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(actual);
        Assert(AdjointChecker.Check<T, TInput, TOutput>(map, actual, inputLike, seed), customMessage, actualExpression);
    }

    private static void Assert(AdjointReport report, string? customMessage, string? actualExpression)
    {
        if (report.Passed)
        {
            return;
        }

        string message = (string.IsNullOrWhiteSpace(actualExpression) ? GradientShouldlyMessage.UnknownExpression : actualExpression.Trim()) + Environment.NewLine +
            Indent + "should be the adjoint of the map: <J v, w> = <v, Jᵀ w> for seeded random v and w, to round-off" + Environment.NewLine +
            Indent + "but was not:" + Environment.NewLine +
            report.ToString().TrimEnd() +
            (customMessage is null ? string.Empty : Environment.NewLine + Environment.NewLine + "Additional Info:" + Environment.NewLine + Indent + customMessage);
        throw new ShouldAssertException(message);
    }
}
