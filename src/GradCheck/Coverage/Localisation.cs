using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Coverage;

/// <summary>
/// Finds where a tensor that failed its random direction is wrong, in few evaluations.
/// <list type="number">
/// <item>A seeded sample of its entries (entries whose a is NaN or infinite first: those are known
/// without evaluating anything) is differentiated one by one. A wrong factor, sign or batch size shows in
/// every sampled entry, and the sample states the pattern.</item>
/// <item>If no sampled entry is wrong, the error sits in a few entries: bisection finds them.
/// The entries are halved, and each half is tested along its own random direction; a half that fails is
/// halved again, depth first, until single entries are differentiated. Each wrong entry costs about
/// 2 log2(N) directional tests. Every half is a run of consecutive entries, held as its first entry and
/// length: the search allocates nothing per entry of the tensor.</item>
/// </list>
/// Both stop at <see cref="CheckCoverage.EntriesLocalised"/> entries found.
/// </summary>
internal static class Localisation
{
    /// <summary>Directional tests the bisection may make per entry it is to find, per halving level.</summary>
    public const int TestsPerLevel = 2;

    /// <summary>Localises the wrong entries of a failing tensor into <paramref name="into"/>.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The tensor, perturbed in place and restored.</param>
    /// <param name="given">The tensor's values at the given point, the check's snapshot of it.</param>
    /// <param name="position">The tensor's position among all the parameters, which seeds its streams.</param>
    /// <param name="analytic">a over the tensor.</param>
    /// <param name="into">Where the entries differentiated one by one go.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="comparison">The pass rule.</param>
    /// <param name="coverage">The seed and how many entries to find.</param>
    public static void Run<T>(Func<T> cost, NamedTensor<T> tensor, ReadOnlySpan<T> given, int position, AnalyticGradient<T> analytic, NumericalGradient into, EntryRule<T> rule, ComparisonRule comparison, CheckCoverage coverage)
        where T : IFloatingPointIeee754<T>
    {
        int length = analytic.Length;
        int wanted = coverage.EntriesLocalised;
        var probe = new CostProbe<T>(cost, tensor, rule.Cancellation);

        // A handful of entries has too few noise samples to measure with: the worst-case ulp model.
        CostNoise noise = CostNoise.Ulps(RoundOff.Ulps * MachineEpsilon.Of<T>());

        var sampled = new List<int>(wanted);
        sampled.AddRange(Enumerable.Range(0, length).Where(index => !double.IsFinite(analytic[index])).Take(wanted));
        var random = new SeededRandom(coverage.Seed, position, substream: -1);
        foreach (int index in EntrySample.Draw(length, wanted, ref random))
        {
            if (sampled.Count < wanted && !sampled.Contains(index))
            {
                sampled.Add(index);
            }
        }

        foreach (int index in sampled)
        {
            rule.Differentiate(probe, index, noise, into);
        }

        // a is read after the sample's evaluations: it must still be the a given (once for the whole sample).
        analytic.ThrowIfChanged();
        if (sampled.Exists(index => Fails(analytic, into, index, comparison)))
        {
            return;
        }

        // Depth first: the first half that fails is followed down to its wrong entry before the next.
        int found = 0;
        int tests = 0;
        int budget = TestsPerLevel * wanted * (1 + (int)Math.Ceiling(Math.Log2(Math.Max(2, length))));
        var pending = new Stack<(int First, int Count)>();
        pending.Push((0, length));
        while (pending.Count > 0 && found < wanted && tests < budget)
        {
            (int first, int count) = pending.Pop();
            if (count == 1)
            {
                int index = first;
                if (!into.IsChecked(index))
                {
                    rule.Differentiate(probe, index, noise, into);
                }

                analytic.ThrowIfChanged();
                found += Fails(analytic, into, index, comparison) ? 1 : 0;
                continue;
            }

            int middle = count / 2;
            (int First, int Count)[] halves = [(first, middle), (first + middle, count - middle)];
            var failing = new List<(int First, int Count)>(2);
            foreach ((int First, int Count) half in halves)
            {
                var direction = new RandomDirection(coverage.Seed, position, substream: -2 - tests, half.Count);
                tests++;
                DirectionReport test = DirectionalProbe.Measure(cost, tensor, given, half.First, direction, analytic, rule, comparison, "a random direction over part of it");
                if (!test.Passed)
                {
                    failing.Add(half);
                }
            }

            for (int i = failing.Count - 1; i >= 0; i--)
            {
                pending.Push(failing[i]);
            }
        }
    }

    /// <summary>
    /// Whether an entry differentiated on its own fails, under the scale of the entries known so far; the
    /// caller has made sure since the last evaluation that a is still the a given.
    /// </summary>
    private static bool Fails<T>(AnalyticGradient<T> analytic, NumericalGradient numeric, int index, ComparisonRule comparison)
        where T : IFloatingPointIeee754<T>
    {
        double scale = numeric.LargestFinite();
        return EntryReport.Fails(GradientComparison.Judge(analytic[index], numeric, index, comparison, scale, out _, out _));
    }
}
