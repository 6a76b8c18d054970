namespace GradCheck.Running;

/// <summary>
/// Counts the evaluations of a check's cost as they happen, on every worker at once: the count a report
/// gives is then the evaluations made, also when the check stops part way (a cost that wrote to its
/// parameters or its gradient, a worker that differs), not a tally worked out from what should have been made.
/// </summary>
internal sealed class EvaluationCounter
{
    private long count;

    /// <summary>How many evaluations the counted costs have made so far.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary><paramref name="model"/> with its cost counted.</summary>
    public WorkerModel<T> Counting<T>(WorkerModel<T> model)
        where T : System.Numerics.IFloatingPointIeee754<T> =>
        new(Counting(model.Cost), model.Parameters);

    /// <summary><paramref name="cost"/>, counted before each call (a call that throws counts too: it was made).</summary>
    public Func<T> Counting<T>(Func<T> cost) => () =>
    {
        Interlocked.Increment(ref count);
        return cost();
    };
}
