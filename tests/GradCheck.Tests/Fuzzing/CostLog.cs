namespace GradCheck.Tests.Fuzzing;

/// <summary>What a <see cref="NamedModel{T}"/>'s cost did during a check.</summary>
internal sealed class CostLog
{
    /// <summary>How many times the cost was called.</summary>
    public int Evaluations { get; set; }

    /// <summary>Whether the cost wrote into a parameter.</summary>
    public bool Wrote { get; set; }

    /// <summary>
    /// Whether it wrote into an entry the checker had moved at the time: restoring that entry undoes the
    /// write, so the checker cannot see it (a write into any other entry it reports).
    /// </summary>
    public bool WroteAnEntryTheCheckerMoved { get; set; }
}
