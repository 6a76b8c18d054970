using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>
/// The parameter storage that checks are perturbing at this moment, process-wide, so that two checks
/// never perturb the same entries at once, whichever API started them. A second check of storage that
/// another thread's check holds would snapshot an entry that the first has moved, "restore" that moved
/// value, and leave the model changed for good; and a gradient computed meanwhile was computed at a
/// moved point. So a check that was given its gradient is refused at once, naming the tensor; a check
/// that runs the backward pass itself (a <see cref="GradientProblem{T}"/>, a layer) waits for the other
/// to finish, and then computes its gradient and its check at the model as it is.
/// </summary>
/// <remarks>
/// A lease belongs to the thread that took it, and that thread may take overlapping ones again: a check
/// inside a problem's check, or a check started by a cost on the check's own thread, restores what it
/// moved before it returns, so the outer check finds its entries as it left them.
/// </remarks>
/// <typeparam name="T">The element type: storage of another element type cannot overlap.</typeparam>
internal sealed class ParameterLease<T> : IDisposable
    where T : IFloatingPointIeee754<T>
{
    /// <summary>How often a waiting check looks at its cancellation token.</summary>
    private static readonly TimeSpan CancellationPoll = TimeSpan.FromMilliseconds(50);

    private static readonly object Gate = new();

    private static readonly List<ParameterLease<T>> Held = [];

    private readonly List<NamedTensor<T>> tensors;

    private readonly Thread owner = Thread.CurrentThread;

    private bool released;

    private ParameterLease(IEnumerable<NamedTensor<T>> tensors) => this.tensors = [.. tensors];

    /// <summary>
    /// Takes <paramref name="parameters"/> for a check that was given its gradient: refused if another
    /// thread's check holds any of their storage.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another check is perturbing some of this storage; nothing has been touched.</exception>
    public static ParameterLease<T> Take(TensorSet<T> parameters) => Acquire(parameters.Tensors, wait: false, CancellationToken.None);

    /// <summary>
    /// Takes <paramref name="parameters"/> for a check that runs the backward pass itself: waits while
    /// another thread's check holds any of their storage.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while waiting.</exception>
    public static ParameterLease<T> WaitFor(TensorSet<T> parameters, CancellationToken cancellation) => Acquire(parameters.Tensors, wait: true, cancellation);

    /// <summary>Adds more storage to this lease (a worker's model): refused if another thread's check holds any of it.</summary>
    /// <exception cref="InvalidOperationException">Another check is perturbing some of this storage.</exception>
    public void Add(TensorSet<T> more)
    {
        lock (Gate)
        {
            ThrowIfHeld(more.Tensors);
            tensors.AddRange(more.Tensors);
        }
    }

    /// <summary>Gives the storage back and wakes the checks waiting for it.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (!released)
            {
                released = true;
                Held.Remove(this);
                Monitor.PulseAll(Gate);
            }
        }
    }

    private static ParameterLease<T> Acquire(IReadOnlyList<NamedTensor<T>> wanted, bool wait, CancellationToken cancellation)
    {
        lock (Gate)
        {
            while (wait && Conflict(wanted) is not null)
            {
                cancellation.ThrowIfCancellationRequested();
                Monitor.Wait(Gate, CancellationPoll);
            }

            ThrowIfHeld(wanted);
            var lease = new ParameterLease<T>(wanted);
            Held.Add(lease);
            return lease;
        }
    }

    private static void ThrowIfHeld(IReadOnlyList<NamedTensor<T>> wanted)
    {
        if (Conflict(wanted) is ({ } mine, { } theirs))
        {
            string shared = mine.Name == theirs.Name ? string.Empty : $" (its storage is also that of {theirs.Name} there)";
            throw new InvalidOperationException(
                $"{mine.Name} is being checked by another check at this moment{shared}: that check has entries of it moved, so this one could neither snapshot it " +
                $"nor trust a gradient computed meanwhile. Give each test its own model, or run the tests that share one one after the other ([NonParallelizable]); " +
                $"nothing has been touched.");
        }
    }

    /// <summary>A tensor of <paramref name="wanted"/> and the held tensor of another thread's lease it overlaps; null if none.</summary>
    private static (NamedTensor<T> Mine, NamedTensor<T> Theirs)? Conflict(IReadOnlyList<NamedTensor<T>> wanted)
    {
        Thread current = Thread.CurrentThread;
        foreach (ParameterLease<T> lease in Held)
        {
            if (lease.owner == current)
            {
                continue;
            }

            foreach (NamedTensor<T> theirs in lease.tensors)
            {
                foreach (NamedTensor<T> mine in wanted)
                {
                    // Compared while both spans are live: the collector moves an array and the span into it together.
                    if (mine.Storage.Span.Overlaps(theirs.Storage.Span))
                    {
                        return (mine, theirs);
                    }
                }
            }
        }

        return null;
    }
}
