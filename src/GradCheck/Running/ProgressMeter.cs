namespace GradCheck.Running;

/// <summary>
/// Counts the entries a check has differentiated and, once the check has run for
/// <see cref="QuietPeriod"/>, reports progress about every <see cref="Interval"/>. Any worker thread may
/// advance it; one report per interval is made, by whichever thread crosses it first.
/// </summary>
internal sealed class ProgressMeter
{
    /// <summary>How long a check runs before its first report: a check shorter than this says nothing.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    /// <summary>The time between reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IProgress<GradientCheckProgress>? progress;
    private readonly TimeProvider clock;
    private readonly long total;
    private readonly long started;
    private readonly long interval;
    private long done;
    private long nextReport;

    /// <param name="progress">Where to report; null for a meter that only counts.</param>
    /// <param name="total">Entries the check will differentiate.</param>
    /// <param name="clock">The clock; <see cref="TimeProvider.System"/> outside tests.</param>
    public ProgressMeter(IProgress<GradientCheckProgress>? progress, long total, TimeProvider clock)
    {
        this.progress = progress;
        this.clock = clock;
        this.total = total;
        started = clock.GetTimestamp();
        interval = Ticks(Interval);
        nextReport = started + Ticks(QuietPeriod);
    }

    /// <summary>Entries differentiated so far.</summary>
    public long Done => Interlocked.Read(ref done);

    /// <summary>Counts <paramref name="entries"/> more entries done, and reports if a report is due.</summary>
    public void Advance(int entries = 1)
    {
        long now = Interlocked.Add(ref done, entries);
        if (progress is null)
        {
            return;
        }

        long time = clock.GetTimestamp();
        long due = Interlocked.Read(ref nextReport);
        if (time < due || Interlocked.CompareExchange(ref nextReport, time + interval, due) != due)
        {
            return;
        }

        TimeSpan elapsed = clock.GetElapsedTime(started, time);
        TimeSpan remaining = now == 0 ? TimeSpan.Zero : elapsed * ((double)(total - now) / now);
        progress.Report(new GradientCheckProgress(now, total, elapsed, remaining));
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);
}
