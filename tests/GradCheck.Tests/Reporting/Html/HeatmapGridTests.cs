using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reporting.Html;

public class HeatmapGridTests
{
    [Test]
    public void Has_one_cell_per_entry_of_a_small_matrix_in_row_major_order()
    {
        TensorReport w1 = PlantedBugs.DoubledW2().Tensors.Single(tensor => tensor.Name == "W1");
        HeatmapGrid grid = Grid(w1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((grid.Rows, grid.Columns), Is.EqualTo((3, 3)));
            Assert.That(grid.Cells, Has.Count.EqualTo(w1.EntryCount));
            Assert.That(grid.IsDownsampled, Is.False);
            Assert.That(grid.Cells.Select(cell => cell.WorstIndex), Is.EqualTo(Enumerable.Range(0, 9)));
            Assert.That(grid.Cells.Select(cell => (cell.Row, cell.Column)), Is.EqualTo(Enumerable.Range(0, 9).Select(i => (i / 3, i % 3))));
            Assert.That(grid.Cells.Select(cell => cell.WorstRelativeError), Is.EqualTo(Enumerable.Range(0, 9).Select(i => w1.Entry(i).RelativeError)));
        }
    }

    [Test]
    public void Lays_out_a_vector_of_up_to_64_entries_as_one_row()
    {
        var quadratic = new Quadratic<double>(1, size: 64);
        double[] theta = new double[64];
        HeatmapGrid grid = Grid(GradientChecker.Check(quadratic.Cost, theta, quadratic.Gradient(theta)).Tensors[0]);
        Assert.That((grid.Rows, grid.Columns), Is.EqualTo((1, 64)));
    }

    [Test]
    public void Lays_out_a_short_vector_as_one_row()
    {
        HeatmapGrid grid = Grid(PlantedBugs.DoubledW2().Tensors.Single(tensor => tensor.Name == "b1"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((grid.Rows, grid.Columns), Is.EqualTo((1, 3)));
            Assert.That(grid.IsWrapped, Is.False);
        }
    }

    [Test]
    public void Wraps_a_long_vector_into_rows_of_32()
    {
        HeatmapGrid grid = Grid(PlantedBugs.DoubledQuadratic().Tensors[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((grid.Rows, grid.Columns), Is.EqualTo((4, HeatmapGrid.WrapWidth)));
            Assert.That(grid.IsWrapped, Is.True);
            Assert.That(grid.Cells, Has.Count.EqualTo(100), "one cell per entry, the last row part full");
            Assert.That(grid.Cells[^1], Has.Property(nameof(HeatmapCell.Row)).EqualTo(3).And.Property(nameof(HeatmapCell.Column)).EqualTo(3));
            Assert.That(grid.Cells[33], Has.Property(nameof(HeatmapCell.Row)).EqualTo(1).And.Property(nameof(HeatmapCell.Column)).EqualTo(1).And.Property(nameof(HeatmapCell.WorstIndex)).EqualTo(33));
        }
    }

    [Test]
    public void Cuts_a_12288_by_5_matrix_into_blocks_of_192_rows()
    {
        TensorReport w1 = LargeNetworkReport.Report.Tensors.Single(tensor => tensor.Name == "W1");
        HeatmapGrid grid = Grid(w1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((grid.Rows, grid.Columns), Is.EqualTo((64, 5)));
            Assert.That((grid.BlockRows, grid.BlockColumns), Is.EqualTo((192, 1)));
            Assert.That(grid.Cells, Has.Count.EqualTo(64 * 5).And.Count.LessThanOrEqualTo(HeatmapGrid.MaxCells * HeatmapGrid.MaxCells));
            Assert.That(grid.Cells.Sum(cell => cell.EntryCount), Is.EqualTo(w1.EntryCount), "every entry in exactly one block");
        }
    }

    [Test]
    public void Marks_a_block_failing_when_any_entry_in_it_fails_and_only_then()
    {
        TensorReport w1 = LargeNetworkReport.Report.Tensors.Single(tensor => tensor.Name == "W1");
        HeatmapGrid grid = Grid(w1);
        foreach (HeatmapCell cell in grid.Cells)
        {
            int failing = Indices(cell, grid).Count(index => !w1.Entry(index).Passed);
            Assert.That(cell.FailedCount, Is.EqualTo(failing), $"block at ({cell.Row}, {cell.Column})");
        }

        // Rows 1000-1099 lie in blocks 5 (960-1151), and row 5000 in block 26 (4992-5183), column 3.
        Assert.That(
            grid.Cells.Where(cell => cell.Failed).Select(cell => (cell.Row, cell.Column)),
            Is.EquivalentTo(Enumerable.Range(0, 5).SelectMany(column => new[] { (5, column) }).Append((26, 3))));
    }

    [Test]
    public void Shows_each_block_with_its_worst_relative_error()
    {
        TensorReport w1 = LargeNetworkReport.Report.Tensors.Single(tensor => tensor.Name == "W1");
        HeatmapGrid grid = Grid(w1);
        foreach (HeatmapCell cell in grid.Cells.Where(cell => !cell.NotFinite))
        {
            double worst = Indices(cell, grid).Max(index => w1.Entry(index).RelativeError);
            Assert.That(cell.WorstRelativeError, Is.EqualTo(worst), $"block at ({cell.Row}, {cell.Column})");
            Assert.That(w1.Entry(cell.WorstIndex).RelativeError, Is.EqualTo(worst));
        }
    }

    [Test]
    public void Takes_NaN_as_the_worst_entry_of_its_block()
    {
        TensorReport w1 = LargeNetworkReport.Report.Tensors.Single(tensor => tensor.Name == "W1");
        HeatmapCell cell = Grid(w1).Cells.Single(cell => cell.NotFinite);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((cell.Row, cell.Column, cell.NotFiniteCount), Is.EqualTo((26, 3, 1)));
            Assert.That(cell.WorstIndex, Is.EqualTo((5000 * 5) + 3));
            Assert.That(cell.WorstRelativeError, Is.NaN);
        }
    }

    [Test]
    public void Cuts_a_vector_of_10000_entries_into_runs_of_3_in_rows_of_64()
    {
        TensorReport theta = PlantedBugs.LongVector().Tensors[0];
        HeatmapGrid grid = Grid(theta);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(grid.BlockColumns, Is.EqualTo(3));
            Assert.That(grid.Cells, Has.Count.EqualTo(3334));
            Assert.That((grid.Rows, grid.Columns), Is.EqualTo((53, 64)));
            Assert.That(grid.Cells[^1].EntryCount, Is.EqualTo(1), "entry 9999 alone");
            Assert.That(grid.Cells[65], Has.Property(nameof(HeatmapCell.FirstColumn)).EqualTo(195).And.Property(nameof(HeatmapCell.Row)).EqualTo(1));
            Assert.That(grid.Cells.Count(cell => cell.Failed), Is.EqualTo(2334), "entries 0 to 6999: runs 0 to 2333");
        }
    }

    [Test]
    public void Views_a_tensor_of_rank_three_as_its_first_dimension_by_the_rest()
    {
        HeatmapGrid grid = Grid(PlantedBugs.RankThree().Tensors[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((grid.ViewRows, grid.ViewColumns), Is.EqualTo((2, 12)));
            Assert.That((grid.Rows, grid.Columns), Is.EqualTo((2, 12)));
            Assert.That(grid.Cells.Where(cell => cell.Failed).Select(cell => (cell.Row, cell.Column)), Is.EqualTo(new[] { (1, 11) }), "T[1,2,3] = entry 23");
        }
    }

    [Test]
    public void Draws_a_sampled_check_from_its_sampled_entries_alone()
    {
        // 256 x 256 in blocks of 4 x 4: 100 entries sampled, every entry's gradient doubled.
        double[,] weights = new double[256, 256];
        double[,] gradient = new double[256, 256];
        for (int i = 0; i < 256 * 256; i++)
        {
            weights[i / 256, i % 256] = Math.Sin(i + 0.5);
            gradient[i / 256, i % 256] = 4 * weights[i / 256, i % 256];
        }

        var options = new GradientCheckOptions { Coverage = CheckCoverage.SampledEntries(100, seed: 3) };
        TensorReport tensor = GradientChecker.Check(
            () => weights.Cast<double>().Sum(w => w * w),
            new Dictionary<string, double[,]> { ["W"] = weights },
            new Dictionary<string, double[,]> { ["W"] = gradient },
            options).Tensors[0];

        HeatmapGrid grid = Grid(tensor);

        int[] sampled = [.. Enumerable.Range(0, tensor.EntryCount).Where(index => tensor.Entry(index).Outcome != EntryOutcome.NotChecked)];
        HeatmapCell[] drawn = [.. grid.Cells.Where(cell => !cell.NotChecked)];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((grid.Rows, grid.Columns, grid.BlockRows, grid.BlockColumns), Is.EqualTo((64, 64, 4, 4)));
            Assert.That(drawn.Sum(cell => cell.CheckedCount), Is.EqualTo(100));
            Assert.That(drawn.Sum(cell => cell.FailedCount), Is.EqualTo(100));
            Assert.That(drawn.Select(cell => cell.WorstIndex), Is.SubsetOf(sampled), "a cell's worst entry is one it checked");
            Assert.That(sampled.Select(index => (index / 256 / 4, index % 256 / 4)).Distinct(), Is.EquivalentTo(drawn.Select(cell => (cell.Row, cell.Column))));
        }
    }

    private static HeatmapGrid Grid(TensorReport tensor) => HeatmapGrid.Of(tensor.Shape, tensor.Entries);

    private static IEnumerable<int> Indices(HeatmapCell cell, HeatmapGrid grid) =>
        from row in Enumerable.Range(cell.FirstRow, cell.EndRow - cell.FirstRow)
        from column in Enumerable.Range(cell.FirstColumn, cell.EndColumn - cell.FirstColumn)
        select (row * grid.ViewColumns) + column;
}
