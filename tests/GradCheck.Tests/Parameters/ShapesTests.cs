using GradCheck.Parameters;

namespace GradCheck.Tests.Parameters;

public class ShapesTests
{
    [Test]
    public void Formats_a_matrix_shape_with_a_comma_and_space()
    {
        Assert.That(Shapes.Format([5, 4]), Is.EqualTo("(5, 4)"));
    }

    [Test]
    public void Formats_a_vector_shape_as_one_length()
    {
        Assert.That(Shapes.Format([7]), Is.EqualTo("(7)"));
    }

    [Test]
    public void Formats_a_native_integer_shape_the_same_way()
    {
        Assert.That(Shapes.Format([(nint)2, 3, 4]), Is.EqualTo("(2, 3, 4)"));
    }

    [TestCase(0, "W1[0,0]")]
    [TestCase(3, "W1[0,3]")]
    [TestCase(4, "W1[1,0]")]
    [TestCase(19, "W1[4,3]")]
    public void Labels_a_matrix_entry_by_row_and_column(int flatIndex, string expected)
    {
        Assert.That(Shapes.EntryLabel("W1", flatIndex, [5, 4]), Is.EqualTo(expected));
    }

    [Test]
    public void Labels_a_vector_entry_by_its_index()
    {
        Assert.That(Shapes.EntryLabel("theta", 12, [13]), Is.EqualTo("theta[12]"));
    }

    [Test]
    public void Labels_a_rank_three_entry_row_major()
    {
        // (1 · 3 + 2) · 4 + 3 = 23.
        Assert.That(Shapes.EntryLabel("K", 23, [2, 3, 4]), Is.EqualTo("K[1,2,3]"));
    }

    [Test]
    public void Unflattens_every_index_back_to_its_row_major_position()
    {
        int[] shape = [3, 1, 4];
        Span<int> index = stackalloc int[3];
        var seen = new List<string>();
        for (int flat = 0; flat < 12; flat++)
        {
            Shapes.Unflatten(flat, shape, index);
            seen.Add($"{index[0]}{index[1]}{index[2]}");
        }

        Assert.That(seen, Is.EqualTo(new[] { "000", "001", "002", "003", "100", "101", "102", "103", "200", "201", "202", "203" }));
    }

    [Test]
    public void Compares_shapes_dimension_by_dimension()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shapes.Equal([2, 3], [2, 3]), Is.True);
            Assert.That(Shapes.Equal([2, 3], [3, 2]), Is.False);
            Assert.That(Shapes.Equal([6], [2, 3]), Is.False);
        }
    }
}
