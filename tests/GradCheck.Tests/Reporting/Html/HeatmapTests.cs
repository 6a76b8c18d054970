using System.Xml.Linq;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using static GradCheck.Tests.Reporting.Html.HtmlDocument;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>The heatmaps as drawn in the page, read back from its SVG.</summary>
public class HeatmapTests
{
    [Test]
    public void Draws_one_cell_per_entry_of_a_small_matrix()
    {
        XElement[] cells = Cells(PlantedBugs.DoubledW2(), "W1");
        Assert.That(cells, Has.Length.EqualTo(9));
    }

    [Test]
    public void Draws_at_most_64_by_64_cells_for_a_large_matrix()
    {
        XElement[] cells = Cells(LargeNetworkReport.Report, "W1");
        Assert.That(cells, Has.Length.EqualTo(64 * 5).And.Length.LessThanOrEqualTo(64 * 64));
    }

    [Test]
    public void Marks_the_failing_cell_and_only_that_one()
    {
        XElement[] cells = Cells(PlantedBugs.OneEntryWrong(), "W2");
        XElement[] marked = [.. cells.Where(cell => cell.HasClass("failed"))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(marked, Has.Length.EqualTo(1));
            Assert.That(marked[0].Tooltip(), Does.StartWith("W2[1,3]\n"));
            Assert.That((string?)marked[0].Attribute("stroke"), Is.EqualTo(ColorScale.Failing));
            Assert.That(cells.Except(marked).Select(cell => cell.Attribute("stroke")), Has.All.Null, "no outline on passing cells");
        }
    }

    [Test]
    public void Marks_every_failing_entry_of_a_tensor_wrong_everywhere()
    {
        XElement[] cells = Cells(PlantedBugs.DoubledW2(), "W2");
        Assert.That(cells.Select(cell => cell.HasClass("failed")), Has.Exactly(9).Items.And.All.True);
    }

    [Test]
    public void Draws_a_NaN_entry_in_its_own_colour_with_a_cross()
    {
        XElement[] cells = Cells(PlantedBugs.NaNInGradient(), "W1");
        XElement nan = cells.Single(cell => cell.HasClass("not-finite"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(nan.Tooltip(), Does.StartWith("W1[1,2]\na = NaN\n"));
            Assert.That((string?)nan.Attribute("fill"), Is.EqualTo(ColorScale.NotFinite));
            Assert.That(nan.HasClass("failed"), Is.True, "NaN fails the rule");
            Assert.That(nan.ElementsAfterSelf().First().HasClass("nan-mark"), Is.True);
            Assert.That(cells.Count(cell => cell.HasClass("failed")), Is.EqualTo(1));
        }
    }

    [Test]
    public void Colours_each_cell_by_the_relative_error_of_its_entry()
    {
        GradientCheckReport report = PlantedBugs.OneEntryWrong();
        TensorReport w2 = report.Tensors.Single(tensor => tensor.Name == "W2");
        XElement[] cells = Cells(report, "W2");
        Assert.That(
            cells.Select(cell => (string?)cell.Attribute("fill")),
            Is.EqualTo(Enumerable.Range(0, w2.EntryCount).Select(i => ColorScale.Color(w2.Entry(i).RelativeError))));
    }

    [Test]
    public void Tells_a_and_n_and_the_relative_error_of_each_entry_in_its_tooltip()
    {
        GradientCheckReport report = PlantedBugs.OneEntryWrong();
        EntryReport entry = report.Tensors.Single(tensor => tensor.Name == "W2").Entry(7);
        string tooltip = Cells(report, "W2")[7].Tooltip();
        Assert.That(tooltip, Is.EqualTo(
            $"W2[1,3]\na = {HtmlText.Scientific(entry.Analytic, 7)}\nn = {HtmlText.Scientific(entry.Numeric, 7)}\n" +
            $"relative error {HtmlText.Scientific(entry.RelativeError, 2)}, outside tolerance (|a - n| = {HtmlText.Scientific(entry.AbsoluteError, 2)} > bound {HtmlText.Scientific(entry.Bound, 2)})"));
        Assert.That(tooltip, Does.Contain("a = 2.7500000e+00"), "1.75 + 1 was planted");
    }

    [Test]
    public void Tells_the_index_range_of_each_block_in_its_tooltip()
    {
        XElement[] cells = Cells(LargeNetworkReport.Report, "W1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cells[0].Tooltip(), Does.StartWith("W1[0..191, 0]: 192 entries\nworst relative error "));
            Assert.That(cells[^1].Tooltip(), Does.StartWith("W1[12096..12287, 4]: 192 entries\n"));
            Assert.That(cells[(26 * 5) + 3].Tooltip(), Does.Contain("1 entry NaN or infinite, first W1[5000,3]"));
            Assert.That(cells[(5 * 5) + 0].Tooltip(), Does.EndWith("\n100 of 192 fail"));
        }
    }

    [Test]
    public void Labels_the_rows_and_columns_of_a_wrapped_vector_by_where_they_start()
    {
        XElement heatmap = Heatmap(PlantedBugs.DoubledQuadratic(), "theta");
        string[] labels = [.. heatmap.WithClass(Svg + "text", "index").Select(text => text.Value)];
        Assert.That(labels, Does.Contain("32"), "the second row starts at entry 32");
        Assert.That(heatmap.Parent!.Element(Xhtml + "figcaption")!.Value, Does.Contain("wrapped into rows of 32 entries"));
    }

    [Test]
    public void Has_a_legend_from_1e_16_to_1_with_the_failing_and_NaN_marks()
    {
        XElement legend = Heatmap(PlantedBugs.DoubledW2(), "W2").WithClass(Svg + "g", "legend").Single();
        Assert.That(
            legend.Elements(Svg + "text").Select(text => text.Value),
            Is.SupersetOf(new[] { "1e-16", "1e-12", "1e-8", "1e-4", "1", "fails the rule", "NaN or infinite" }));
    }

    [Test]
    public void Draws_a_rank_4_tensor_as_a_grid_of_its_2_D_slices_labelled_with_the_leading_indices()
    {
        GradientCheckReport report = PlantedBugs.KernelRotated();
        XElement heatmap = Heatmap(report, "P");
        XElement[] cells = [.. heatmap.WithClass(Svg + "rect", "cell")];
        string caption = Parse(HtmlReport.Create(report, "heatmap")).Section("P").Descendants(Xhtml + "figcaption").First().Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(heatmap.HasClass("slices"), Is.True);
            Assert.That(heatmap.WithClass(Svg + "text", "slice-label").Select(label => label.Value), Is.EqualTo(new[] { "[0,0]", "[0,1]", "[1,0]", "[1,1]", "[2,0]", "[2,1]" }));
            Assert.That(cells, Has.Length.EqualTo(54));
            Assert.That(cells[(5 * 9) + 2].Tooltip(), Does.StartWith("P[2,1,0,2]\n"));

            // Slice [0,1] sits right of slice [0,0] on the first row of slices, [1,0] below it; within a slice, entry [.., 0, 2] right of [.., 0, 0].
            Assert.That(cells[9].Number("x"), Is.GreaterThan(cells[8].Number("x")));
            Assert.That(cells[18].Number("y"), Is.GreaterThan(cells[8].Number("y")));
            Assert.That(cells[2].Number("x"), Is.GreaterThan(cells[0].Number("x")));
            Assert.That(cells.Where(cell => cell.HasClass("failed")).Count(), Is.EqualTo(report.Tensors.Single(tensor => tensor.Name == "P").FailedEntryCount));
            Assert.That(caption, Does.StartWith("Relative error of each of the 54 entries, in 6 slices [·,·] over the last two axes (3 x 3, row 0 at the top)"));
        }
    }

    [Test]
    public void Draws_a_tensor_of_rank_3_with_too_many_slices_flattened_and_says_so()
    {
        var cost = new Support.CoupledTensorCost<double>([300, 2, 2], seed: 1);
        GradientCheckReport report = GradientChecker.Check(cost.Cost, cost.Parameters, cost.Gradient((gradient, _) => [.. gradient.Select(value => 2 * value)]));
        string caption = Parse(HtmlReport.Create(report, "heatmap")).Section("P").Descendants(Xhtml + "figcaption").First().Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Heatmap(report, "P").HasClass("slices"), Is.False);
            Assert.That(caption, Does.Contain("viewed as (300, 4)"));
        }
    }

    private static XElement Heatmap(GradientCheckReport report, string tensor) =>
        Parse(HtmlReport.Create(report, "heatmap")).Section(tensor).Descendants(Svg + "svg").Single(svg => svg.HasClass("heatmap"));

    private static XElement[] Cells(GradientCheckReport report, string tensor) =>
        [.. Heatmap(report, tensor).WithClass(Svg + "rect", "cell")];
}
