using GradCheck.Reporting;
using GradCheck.Reporting.Html;

namespace GradCheck.Tests.Reporting.Html;

public class ScatterSampleTests
{
    [Test]
    public void Draws_every_entry_of_a_small_tensor()
    {
        TensorReport w2 = PlantedBugs.OneEntryWrong().Tensors.Single(tensor => tensor.Name == "W2");
        ScatterSample sample = ScatterSample.Of(w2.Entries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.IsComplete, Is.True);
            Assert.That(sample.Failed, Is.EqualTo(new[] { 7 }));
            Assert.That(sample.Passed, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 6 }));
        }
    }

    [Test]
    public void Draws_every_failing_entry_and_fills_up_to_2000_points_with_passing_ones()
    {
        TensorReport w1 = LargeNetworkReport.Report.Tensors.Single(tensor => tensor.Name == "W1");
        ScatterSample sample = ScatterSample.Of(w1.Entries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Count, Is.EqualTo(ScatterSample.MaxPoints));
            Assert.That(sample.FailedTotal, Is.EqualTo(501), "rows 1000-1099 and the NaN");
            Assert.That(sample.Failed, Has.Count.EqualTo(501));
            Assert.That(sample.Passed, Has.Count.EqualTo(ScatterSample.MaxPoints - 501));
            Assert.That(sample.Passed, Is.Ordered.Ascending.And.Unique);
            Assert.That(sample.Passed.Select(i => w1.Entry(i).Passed), Has.All.True);
        }
    }

    [Test]
    public void Caps_the_failing_points_and_keeps_room_for_passing_ones()
    {
        ScatterSample sample = ScatterSample.Of(PlantedBugs.LongVector().Tensors[0].Entries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((sample.FailedTotal, sample.PassedTotal), Is.EqualTo((7000, 3000)));
            Assert.That(sample.Failed, Has.Count.EqualTo(ScatterSample.MaxFailedPoints));
            Assert.That(sample.Passed, Has.Count.EqualTo(ScatterSample.MaxPoints - ScatterSample.MaxFailedPoints));
            Assert.That(sample.Failed[0], Is.LessThan(5), "the failing entries 0-6999 are spread over evenly");
            Assert.That(sample.Failed[^1], Is.GreaterThan(6995));
        }
    }

    [Test]
    public void Chooses_the_middle_of_equal_stretches()
    {
        int[] chosen = ScatterSample.EvenlySpaced([.. Enumerable.Range(0, 100)], 10);
        Assert.That(chosen, Is.EqualTo(new[] { 5, 15, 25, 35, 45, 55, 65, 75, 85, 95 }));
    }

    [Test]
    public void Chooses_the_same_entries_every_time()
    {
        ScatterSample first = ScatterSample.Of(LargeNetworkReport.Report.Tensors[0].Entries);
        ScatterSample second = ScatterSample.Of(LargeNetworkReport.Report.Tensors[0].Entries);
        Assert.That(second.Passed.Concat(second.Failed), Is.EqualTo(first.Passed.Concat(first.Failed)));
    }
}
