using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Tests.Running;

public class ProgressMeterTests
{
    [Test]
    public void Says_nothing_for_the_first_two_seconds_then_reports_about_once_a_second()
    {
        var clock = new ManualClock();
        var reports = new List<GradientCheckProgress>();
        var meter = new ProgressMeter(new Collect(reports), total: 100, clock);

        for (int entry = 0; entry < 100; entry++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            meter.Advance();
        }

        Assert.That(reports.Select(report => report.EntriesDone), Is.EqualTo(new long[] { 20, 30, 40, 50, 60, 70, 80, 90, 100 }));
        Assert.That(reports[0].Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(reports[0].EstimatedRemaining, Is.EqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(reports[0].EntriesTotal, Is.EqualTo(100));
        Assert.That(reports[0].ToString(), Is.EqualTo("20 of 100 entries (20%), 2.0 s, about 8.0 s left"));
    }

    [Test]
    public void A_check_shorter_than_two_seconds_reports_nothing()
    {
        var clock = new ManualClock();
        var reports = new List<GradientCheckProgress>();
        var meter = new ProgressMeter(new Collect(reports), total: 10, clock);

        for (int entry = 0; entry < 10; entry++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(190));
            meter.Advance();
        }

        Assert.That(reports, Is.Empty);
    }

    [Test]
    public void A_long_check_reports_entries_done_the_total_and_the_time_left()
    {
        // Every cost evaluation takes 50 ms on the check's clock: 40 entries, 2 evaluations each, 4 s.
        var clock = new ManualClock();
        var reports = new List<GradientCheckProgress>();
        double[] theta = [.. Enumerable.Range(0, 40).Select(i => 0.1 * i)];
        double Cost(double[] x)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            return x.Sum(value => value * value);
        }

        GradientCheckReport report = GradientChecker.Check(Cost, theta, [.. theta.Select(value => 2 * value)], new GradientCheckOptions
        {
            Method = DifferenceMethod.CentralTwoPoint,
            Progress = new Collect(reports),
            Clock = clock,
        });

        Assert.That(report.Passed, Is.True);
        Assert.That(reports.Select(progress => progress.EntriesDone), Is.EqualTo(new long[] { 20, 30, 40 }));
        Assert.That(reports, Has.All.Property(nameof(GradientCheckProgress.EntriesTotal)).EqualTo(40));
        Assert.That(reports[0].EstimatedRemaining, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void A_long_Jacobian_check_reports_entries_as_its_columns_are_done()
    {
        // f(x) = (x0 x1, ..., ) of 3 outputs over 40 inputs; every evaluation takes 50 ms on the check's
        // clock: 40 inputs, 2 evaluations each, 4 s; each column done counts its 3 entries.
        var clock = new ManualClock();
        var reports = new List<GradientCheckProgress>();
        double[] x = [.. Enumerable.Range(0, 40).Select(i => 0.1 * i)];
        double[] F(double[] v)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            return [v.Sum(), v.Sum(value => value * value), v[0] * v[1]];
        }

        var jacobian = new double[3, 40];
        for (int j = 0; j < 40; j++)
        {
            jacobian[0, j] = 1;
            jacobian[1, j] = 2 * x[j];
        }

        jacobian[2, 0] = x[1];
        jacobian[2, 1] = x[0];
        GradientCheckReport report = JacobianChecker.Check(F, x, jacobian, new GradientCheckOptions
        {
            Method = DifferenceMethod.CentralTwoPoint,
            Progress = new Collect(reports),
            Clock = clock,
        });

        Assert.That(report.Passed, Is.True, report.ToString);
        Assert.That(reports.Select(progress => progress.EntriesDone), Is.EqualTo(new long[] { 60, 90, 120 }));
        Assert.That(reports, Has.All.Property(nameof(GradientCheckProgress.EntriesTotal)).EqualTo(120));
    }

    /// <summary>Collects reports on the reporting thread, unlike <see cref="Progress{T}"/>, which posts them.</summary>
    private sealed class Collect(List<GradientCheckProgress> reports) : IProgress<GradientCheckProgress>
    {
        public void Report(GradientCheckProgress value) => reports.Add(value);
    }

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan span) => ticks += span.Ticks;
    }
}
