using GradCheck.Comparison;

namespace GradCheck.Tests.Comparison;

public class WorstEntriesTests
{
    [Test]
    public void Keeps_the_k_highest_scores_worst_first()
    {
        var worst = new WorstEntries(3);
        double[] scores = [0.5, 7, 1, 9, 3, 0, 8];
        for (int i = 0; i < scores.Length; i++)
        {
            worst.Offer(i, scores[i]);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(worst.Count, Is.EqualTo(3));
            Assert.That(worst.IndicesWorstFirst().ToArray(), Is.EqualTo(new[] { 3, 6, 1 }));
        }
    }

    [Test]
    public void Keeps_fewer_than_k_when_fewer_are_offered()
    {
        var worst = new WorstEntries(5);
        worst.Offer(0, 1);
        worst.Offer(1, 2);
        Assert.That(worst.IndicesWorstFirst().ToArray(), Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void Ties_keep_the_earlier_index_first()
    {
        var worst = new WorstEntries(3);
        worst.Offer(0, 1);
        worst.Offer(1, 5);
        worst.Offer(2, 5);
        worst.Offer(3, 5);
        worst.Offer(4, 5);
        Assert.That(worst.IndicesWorstFirst().ToArray(), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Ranks_infinite_scores_first_and_keeps_them_in_index_order()
    {
        var worst = new WorstEntries(3);
        worst.Offer(0, double.MaxValue);
        worst.Offer(1, double.PositiveInfinity);
        worst.Offer(2, 3);
        worst.Offer(3, double.PositiveInfinity);
        Assert.That(worst.IndicesWorstFirst().ToArray(), Is.EqualTo(new[] { 1, 3, 0 }));
    }

    [Test]
    public void Matches_a_full_sort_on_random_scores()
    {
        var random = new Random(3);
        for (int capacity = 1; capacity <= 10; capacity++)
        {
            var worst = new WorstEntries(capacity);

            // Scores drawn from a small set so that ties are frequent.
            int[] scores = [.. Enumerable.Range(0, 50).Select(_ => random.Next(8))];
            for (int i = 0; i < scores.Length; i++)
            {
                worst.Offer(i, scores[i]);
            }

            int[] expected = [.. Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(capacity)];
            Assert.That(worst.IndicesWorstFirst().ToArray(), Is.EqualTo(expected), $"capacity {capacity}");
        }
    }

    [Test]
    public void Capacity_zero_keeps_nothing()
    {
        var worst = new WorstEntries(0);
        worst.Offer(0, double.PositiveInfinity);
        worst.Offer(1, 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(worst.Count, Is.Zero);
            Assert.That(worst.IndicesWorstFirst().ToArray(), Is.Empty);
        }
    }

    [Test]
    public void Refuses_a_negative_capacity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new WorstEntries(-1));
    }
}
