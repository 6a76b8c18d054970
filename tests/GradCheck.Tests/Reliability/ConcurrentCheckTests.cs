using GradCheck.Coverage;
using GradCheck.Running;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// 64 checks running at once on Parallel.For, each of its own model (correct or with a planted bug,
/// every coverage, some with workers of their own), give the reports the same checks give one by one,
/// character for character: nothing is shared between checks.
/// </summary>
public class ConcurrentCheckTests
{
    private const int Checks = 64;

    private static readonly TimeSpan AllStarted = TimeSpan.FromSeconds(60);

    [Test]
    public void Sixty_four_checks_at_once_report_as_they_do_one_by_one()
    {
        string[] oneByOne = [.. Enumerable.Range(0, Checks).Select(check => Report(check, gate: null))];
        Assert.That(oneByOne.Count(report => report.StartsWith("Gradient check passed", StringComparison.Ordinal)), Is.InRange(1, Checks - 1), "the checks must pass and fail");

        // Parallel.For draws on the thread pool, which grows slowly past its minimum: raise the minimum
        // so that all 64 can be inside a check at the same time, which the gate then proves.
        ThreadPool.GetMinThreads(out int workerThreads, out int completionPortThreads);
        ThreadPool.SetMinThreads(Math.Max(workerThreads, Checks + 8), completionPortThreads);
        var atOnce = new string[Checks];
        try
        {
            using var gate = new CountdownEvent(Checks);
            Parallel.For(0, Checks, new ParallelOptions { MaxDegreeOfParallelism = Checks }, check => atOnce[check] = Report(check, gate));
        }
        finally
        {
            ThreadPool.SetMinThreads(workerThreads, completionPortThreads);
        }

        Assert.That(atOnce, Is.EqualTo(oneByOne));
    }

    /// <summary>Check number <paramref name="check"/>; with a gate, its first cost evaluation waits until every check has begun.</summary>
    private static string Report(int check, CountdownEvent? gate)
    {
        var network = new TanhNetwork<double>(check);
        var options = new GradientCheckOptions
        {
            Coverage = (check % 4) switch
            {
                1 => CheckCoverage.RandomDirections(seed: check),
                2 => CheckCoverage.SampledEntries(6, seed: check),
                _ => CheckCoverage.EveryEntry,
            },
            Workers = check % 4 == 3 ? 2 : 1,
        };
        bool waited = gate is null;
        double Cost()
        {
            if (!waited)
            {
                waited = true;
                gate!.Signal();
                if (!gate.Wait(AllStarted))
                {
                    throw new TimeoutException($"only {Checks - gate.CurrentCount} of {Checks} checks had started after {AllStarted.TotalSeconds} s");
                }
            }

            return network.Cost();
        }

        return GradientCheckTarget<double>.Named(Cost, network.Parameters)
            .WithWorkerModels(() =>
            {
                var copy = new TanhNetwork<double>(check);
                return WorkerModel.Of(copy.Cost, copy.Parameters);
            })
            .Check(network.Gradient(dropOneOverM: check % 3 == 0), options)
            .ToString();
    }
}
