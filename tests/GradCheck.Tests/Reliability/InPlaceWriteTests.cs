using System.Numerics;
using GradCheck.Coverage;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// Writes the check could not see before: a cost that clamps an entry a step pushed past its bound
/// (the entry being moved, which the check restores itself), a cost that then writes another entry of
/// a worker's model, a layer whose forward or backward pass changes its input in place, and a worker
/// model whose cost reads the original model. Each is reported for what it is, under every coverage and
/// rule, and nothing the user passed in is left changed.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class InPlaceWriteTests<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The clamp's bound; entry 1 sits on it, so a step up pushes it past.</summary>
    private static readonly T Bound = T.One;

    [Test]
    public void A_cost_that_clamps_a_moved_entry_or_then_writes_another_is_reported_as_modifying_its_parameter(
        [Values] CheckedCoverage coverage,
        [Values] DifferenceMethod method,
        [Values] bool writesAnotherEntry)
    {
        T[] weights = Weights();
        ulong[] before = Bits.Of(weights);
        var options = coverage.Options(sampledEntries: 3, seed: 1) with
        {
            Method = method,
        };

        GradientCheckReport report = GradientCheckTarget<T>.Named(() => ClampingCost(weights, writesAnotherEntry), new Dictionary<string, T[]> { ["w"] = weights })
            .WithWorkerModels(() =>
            {
                T[] copy = new T[weights.Length];
                return WorkerModel.Of(() => ClampingCost(copy, writesAnotherEntry), new Dictionary<string, T[]> { ["w"] = copy });
            })
            .Check(new Dictionary<string, T[]> { ["w"] = [.. weights.Select(w => T.CreateTruncating(2) * w)] }, options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False, report.ToString());
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Does.Contain(CheckObstacleKind.CostModifiedParameters), report.ToString());
            Assert.That(report.ToString(), Does.Contain(writesAnotherEntry && coverage == CheckedCoverage.TwoWorkers
                ? "the cost modified parameter w while being evaluated"
                : "the cost modified parameter w while being evaluated (w[1], which the check had moved to 1."));
            Assert.That(Bits.Of(weights), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_layer_whose_forward_pass_applies_ReLU_to_its_input_in_place_is_refused_as_modifying_its_input()
    {
        T[] input = [T.CreateTruncating(0.5), T.CreateTruncating(-0.25), T.CreateTruncating(1.5)];
        ulong[] before = Bits.Of(input);
        T[] seen = [];

        var exception = Assert.Throws<InvalidOperationException>(() => Layer.Of(
                input,
                (T[] x) =>
                {
                    seen = x;
                    for (int i = 0; i < x.Length; i++)
                    {
                        x[i] = T.Max(T.Zero, x[i]);
                    }

                    return (T[])x.Clone();
                },
                (T[] dy) => [.. dy.Select((d, i) => seen[i] > T.Zero ? d : T.Zero)])
            .Check());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.StartWith("The forward pass modified its input x (x[1] was -0.25 and is 0 after it)"));
            Assert.That(Bits.Of(input), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_layer_whose_backward_pass_writes_into_its_input_is_refused_as_modifying_its_input()
    {
        T[] input = [T.CreateTruncating(0.5), T.CreateTruncating(-0.25), T.CreateTruncating(1.5)];
        T[] seen = [];

        var exception = Assert.Throws<InvalidOperationException>(() => Layer.Of(
                input,
                (T[] x) =>
                {
                    seen = x;
                    return [.. x.Select(v => v * v)];
                },
                (T[] dy) =>
                {
                    // Reuses the cached input as scratch space for dx.
                    for (int i = 0; i < seen.Length; i++)
                    {
                        seen[i] = T.CreateTruncating(2) * seen[i] * dy[i];
                    }

                    return (T[])seen.Clone();
                })
            .Check());

        Assert.That(exception.Message, Does.StartWith("The backward pass modified its input x (x[0] was 0.5 and is"));
    }

    [Test]
    public void A_worker_model_whose_cost_reads_the_original_model_is_reported([Values(2, 3)] int workers, [Values("a", "b")] string readFromTheOriginal)
    {
        T[] a = [T.CreateTruncating(0.3), T.CreateTruncating(-1.2), T.CreateTruncating(0.8), T.CreateTruncating(2.0)];
        T[] b = [T.CreateTruncating(0.5), T.CreateTruncating(-0.4), T.CreateTruncating(1.1), T.CreateTruncating(0.2)];
        ulong[] before = [.. Bits.Of(a), .. Bits.Of(b)];
        Dictionary<string, T[]> gradient = new()
        {
            ["a"] = [.. a.Select((v, i) => T.Cos(v) * b[i])],
            ["b"] = [.. b.Select((v, i) => T.Sin(a[i]) + (T.CreateTruncating(2) * v))],
        };

        GradientCheckReport report = GradientCheckTarget<T>.Named(() => Cost(a, b), new Dictionary<string, T[]> { ["a"] = a, ["b"] = b })
            .WithWorkerModels(() =>
            {
                T[] ownA = new T[a.Length];
                T[] ownB = new T[b.Length];

                // One of the tensors is read from the original model: a closure over the wrong variable.
                return WorkerModel.Of(() => readFromTheOriginal == "a" ? Cost(a, ownB) : Cost(ownA, b), new Dictionary<string, T[]> { ["a"] = ownA, ["b"] = ownB });
            })
            .Check(gradient, new GradientCheckOptions { Workers = workers });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.WorkerModelDiffers }), report.ToString());
            Assert.That(report.ToString(), Does.Contain("worker 2's model does not read its own parameters: with " + readFromTheOriginal + "["));
            Assert.That((ulong[])[.. Bits.Of(a), .. Bits.Of(b)], Is.EqualTo(before));
        }
    }

    [Test]
    public void Worker_models_that_read_their_own_parameters_pass([Values(2, 3)] int workers)
    {
        T[] a = [T.CreateTruncating(0.3), T.CreateTruncating(-1.2), T.CreateTruncating(0.8), T.CreateTruncating(2.0)];
        T[] b = [T.CreateTruncating(0.5), T.CreateTruncating(-0.4), T.CreateTruncating(1.1), T.CreateTruncating(0.2)];
        Dictionary<string, T[]> gradient = new()
        {
            ["a"] = [.. a.Select((v, i) => T.Cos(v) * b[i])],
            ["b"] = [.. b.Select((v, i) => T.Sin(a[i]) + (T.CreateTruncating(2) * v))],
        };

        GradientCheckReport report = GradientCheckTarget<T>.Named(() => Cost(a, b), new Dictionary<string, T[]> { ["a"] = a, ["b"] = b })
            .WithWorkerModels(() =>
            {
                T[] ownA = new T[a.Length];
                T[] ownB = new T[b.Length];
                return WorkerModel.Of(() => Cost(ownA, ownB), new Dictionary<string, T[]> { ["a"] = ownA, ["b"] = ownB });
            })
            .Check(gradient, new GradientCheckOptions { Workers = workers });

        Assert.That(report.Passed, Is.True, report.ToString());
    }

    /// <summary>J = Σ sin(a_i) b_i + Σ b_i².</summary>
    private static T Cost(T[] a, T[] b)
    {
        T sum = T.Zero;
        for (int i = 0; i < a.Length; i++)
        {
            sum += (T.Sin(a[i]) * b[i]) + (b[i] * b[i]);
        }

        return sum;
    }

    private static T[] Weights() => [T.CreateTruncating(0.5), Bound, T.CreateTruncating(-0.3)];

    /// <summary>Σ w², after clamping any entry above the bound back to it, in place; and, if asked, after zeroing the last entry then.</summary>
    private static T ClampingCost(T[] weights, bool writesAnotherEntry)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] > Bound)
            {
                weights[i] = Bound;
                if (writesAnotherEntry)
                {
                    weights[^1] = T.Zero;
                }
            }
        }

        return weights.Aggregate(T.Zero, (sum, w) => sum + (w * w));
    }
}
