using System.Runtime.CompilerServices;
using CsCheck;
using NUnit.Framework.Internal;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// Runs a property over generated cases, the same cases on every run, and shrinks a failure with CsCheck.
/// </summary>
/// <remarks>
/// <para>
/// CsCheck's own <c>Sample</c> seeds each run from the clock, so every CI run would try new cases. Here
/// the cases come from a PCG stream fixed by <see cref="Seed"/> and the property's name: CI runs exactly
/// the cases its budget counts (<see cref="FuzzBudget"/>), and a red build stays red until it is fixed.
/// </para>
/// <para>
/// A failing case is handed to CsCheck's <c>Sample</c> with its seed, which shrinks it towards the
/// simplest failing case and throws a message with that case's seed: "Set seed: "…" or -e
/// CsCheck_Seed=… to reproduce". With the environment variable CsCheck_Seed set, every property runs that
/// one case alone (filter the tests to the one that failed). The environment variable
/// GradCheck_FuzzScale multiplies every budget, for a longer run than CI's.
/// </para>
/// </remarks>
internal static class Fuzz
{
    /// <summary>The seed of every property's cases; each property draws from its own stream.</summary>
    public const ulong Seed = 20_260_601;

    /// <summary>How many candidates CsCheck tries when shrinking a failure.</summary>
    public const int ShrinkIterations = 500;

    /// <summary>The multiplier of every budget, from GradCheck_FuzzScale; 1 in CI.</summary>
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("GradCheck_FuzzScale"), out int scale) && scale > 0 ? scale : 1;

    /// <summary>Runs <paramref name="property"/> on <paramref name="cases"/> cases drawn from <paramref name="gen"/>.</summary>
    /// <param name="gen">The cases.</param>
    /// <param name="cases">How many cases CI runs (times <see cref="Scale"/>).</param>
    /// <param name="property">Throws when the property does not hold (an NUnit assertion, say).</param>
    /// <param name="stream">The PCG stream: the calling test's name by default, so that each property has cases of its own.</param>
    /// <returns>How many cases ran; 0 when CsCheck_Seed replays one case, so that a property's checks that it is not vacuous do not apply.</returns>
    public static int Run<TCase>(Gen<TCase> gen, int cases, Action<TCase> property, [CallerMemberName] string stream = "")
    {
        // NUnit records a failed assertion in the test's result even when the exception is caught; each
        // case runs in a context of its own, so only the shrunk case's failure reaches the result. The
        // properties assert one statement after another, without Assert.EnterMultipleScope: the first
        // failure is all CsCheck needs, and a multiple-assert scope that failed in one isolated context
        // was seen to stop the next ones from throwing, so that shrinking found nothing.
        Action<TCase> isolated = value =>
        {
            using var context = new TestExecutionContext.IsolatedContext();
            property(value);
        };

        if (Check.Seed is { } replay)
        {
            gen.Sample(isolated, seed: replay, iter: 1, threads: 1);
            return 0;
        }

        var pcg = new PCG(StableHash(stream + "/" + typeof(TCase)), Seed);
        int total = cases * Scale;
        for (int i = 0; i < total; i++)
        {
            string seed = pcg.ToString();
            TCase value = gen.Generate(pcg, null, out _);
            try
            {
                isolated(value);
            }
            catch (Exception exception)
            {
                // CsCheck starts from this case and keeps only smaller ones that still fail; its
                // exception names the smallest with its seed. Should the case pass when run again,
                // the property is not deterministic: say so, with this seed.
                gen.Sample(isolated, seed: seed, iter: ShrinkIterations, threads: 1);
                throw new InvalidOperationException(
                    $"Case {i} (seed \"{seed}\") failed once and passed when run again: {value}", exception);
            }
        }

        return total;
    }

    /// <summary>FNV-1a: string.GetHashCode differs from process to process.</summary>
    private static uint StableHash(string text)
    {
        uint hash = 2_166_136_261;
        foreach (char character in text)
        {
            hash = (hash ^ character) * 16_777_619;
        }

        return hash;
    }
}
