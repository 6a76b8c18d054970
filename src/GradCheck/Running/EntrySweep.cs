using System.Numerics;
using System.Runtime.ExceptionServices;
using GradCheck.Differentiation;
using GradCheck.Parameters;

namespace GradCheck.Running;

/// <summary>
/// Differentiates entries of one tensor, on one worker or spread over several. Each worker has its own
/// model (its own copy of the parameters) and takes the next chunk of entries when it is done with one,
/// so fast and slow entries balance out; every entry is computed the same way whichever worker takes it,
/// which is why the report does not depend on the number of workers.
/// </summary>
internal static class EntrySweep
{
    /// <summary>Entries a worker takes at a time: enough to make taking them cheap, few enough to balance the end.</summary>
    public const int ChunkSize = 32;

    /// <summary>Runs <paramref name="work"/> on entries <paramref name="indices"/> (null for all) of tensor <paramref name="tensorIndex"/>.</summary>
    /// <param name="workers">The models, the user's first; each worker perturbs only its own.</param>
    /// <param name="tensorIndex">The tensor's position in every worker's parameters.</param>
    /// <param name="indices">The entries, or null for every entry.</param>
    /// <param name="cancellation">The check's cancellation token, given to every worker's probe.</param>
    /// <param name="work">What to do with each entry; called once per entry, by one worker.</param>
    /// <param name="meter">Counts the entries done and reports progress; null not to count them.</param>
    public static void Run<T>(IReadOnlyList<WorkerModel<T>> workers, int tensorIndex, int[]? indices, CancellationToken cancellation, EntryWork<T> work, ProgressMeter? meter)
        where T : IFloatingPointIeee754<T>
    {
        int count = indices?.Length ?? workers[0].Parameters.Tensors[tensorIndex].Storage.Length;
        if (count == 0)
        {
            return;
        }

        int used = Math.Clamp((count + ChunkSize - 1) / ChunkSize, 1, workers.Count);
        int next = 0;
        int stopped = 0;
        var failures = new Exception?[used];
        var threads = new Thread[used - 1];
        void Work(int worker)
        {
            try
            {
                WorkerModel<T> model = workers[worker];
                var probe = new CostProbe<T>(model.Cost, model.Parameters.Tensors[tensorIndex], cancellation);
                int start;
                while (Volatile.Read(ref stopped) == 0 && (start = Interlocked.Add(ref next, ChunkSize) - ChunkSize) < count)
                {
                    int end = Math.Min(start + ChunkSize, count);
                    for (int k = start; k < end; k++)
                    {
                        work(probe, k, indices?[k] ?? k);
                        meter?.Advance();
                    }
                }
            }
            catch (Exception exception)
            {
                // The others stop at their next chunk; the entry that threw has been restored.
                failures[worker] = exception;
                Volatile.Write(ref stopped, 1);
            }
        }

        // Worker 0 is the calling thread, alone when one worker is enough. The others run on dedicated
        // threads rather than the thread pool: a test run may have filled the pool with tests, and a
        // worker that never starts would leave its share to the others.
        for (int worker = 1; worker < used; worker++)
        {
            int id = worker;
            threads[worker - 1] = new Thread(() => Work(id)) { IsBackground = true, Name = "GradCheck worker " + id };
            threads[worker - 1].Start();
        }

        Work(0);
        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (Array.Find(failures, failure => failure is not null) is { } first)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
