namespace GradCheck.Zoo.Tests;

/// <summary>The planted structural bugs are what their names say, are deep copies, and are never no-ops.</summary>
public class PlantedBugsTests
{
    [Test]
    public void Each_mutation_is_what_its_name_says()
    {
        var problem = new Fixed(("W", new double[,] { { 1, -2, 3 }, { 4, 5, -6 } }));
        Dictionary<string, double[,]> correct = problem.Gradient();
        Dictionary<string, double[,]> bugs = PlantedBugs.Structural(problem, correct).ToDictionary(bug => bug.Name, bug => bug.Gradients["W"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bugs.Keys, Is.EqualTo(new[]
            {
                "dW scaled by 2", "dW scaled by 1.01", "dW sign flipped", "dW zeroed",
                "dW largest entry doubled", "dW shifted by one entry", "dW stored transposed",
            }));
            Assert.That(bugs["dW scaled by 2"], Is.EqualTo(new double[,] { { 2, -4, 6 }, { 8, 10, -12 } }));
            Assert.That(bugs["dW scaled by 1.01"], Is.EqualTo(new double[,] { { 1.01, -2.02, 3.03 }, { 4.04, 5.05, -6.06 } }).Within(1e-12));
            Assert.That(bugs["dW sign flipped"], Is.EqualTo(new double[,] { { -1, 2, -3 }, { -4, -5, 6 } }));
            Assert.That(bugs["dW zeroed"], Is.EqualTo(new double[2, 3]));
            Assert.That(bugs["dW largest entry doubled"], Is.EqualTo(new double[,] { { 1, -2, 3 }, { 4, 5, -12 } }));
            Assert.That(bugs["dW shifted by one entry"], Is.EqualTo(new double[,] { { -6, 1, -2 }, { 3, 4, 5 } }));

            // The (3, 2) transpose is [[1, 4], [-2, 5], [3, -6]]; its row-major data poured into (2, 3).
            Assert.That(bugs["dW stored transposed"], Is.EqualTo(new double[,] { { 1, 4, -2 }, { 5, 3, -6 } }));
            Assert.That(correct["W"], Is.EqualTo(new double[,] { { 1, -2, 3 }, { 4, 5, -6 } }), "the correct gradient is untouched");
        }
    }

    [Test]
    public void Mutations_that_change_nothing_are_not_planted()
    {
        var problem = new Fixed(
            ("zero", new double[2, 2]),
            ("constant", new double[,] { { 3 }, { 3 } }),
            ("column", new double[,] { { 1 }, { 2 } }));
        string[] names = [.. PlantedBugs.Structural(problem, problem.Gradient()).Select(bug => bug.Name)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Has.None.StartsWith("dzero"), "every mutation of an all-zero gradient is a no-op");
            Assert.That(names, Does.Not.Contain("dconstant shifted by one entry"));
            Assert.That(names, Does.Not.Contain("dconstant stored transposed"));
            Assert.That(names, Does.Not.Contain("dcolumn stored transposed"), "a column's transpose has the same data");
            Assert.That(names, Does.Contain("dcolumn shifted by one entry"));
            Assert.That(names, Does.Contain("dconstant and dcolumn swapped"));
            Assert.That(names, Has.None.Contains("dzero and"), "swapping with a zero gradient still changes the other; but shapes differ here");
        }
    }

    [Test]
    public void Same_shaped_tensors_are_swapped_and_every_bug_is_a_deep_copy()
    {
        var problem = new Fixed(("b1", new double[,] { { 1 }, { 2 } }), ("b2", new double[,] { { -3 }, { 4 } }));
        Dictionary<string, double[,]> correct = problem.Gradient();
        PlantedBug<double>[] bugs = [.. PlantedBugs.Structural(problem, correct)];
        PlantedBug<double> swap = bugs.Single(bug => bug.Name == "db1 and db2 swapped");

        foreach (PlantedBug<double> bug in bugs)
        {
            foreach (double[,] gradient in bug.Gradients.Values)
            {
                gradient[0, 0] = 99;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(swap.Tensor, Is.EqualTo("b1, b2"));
            Assert.That(swap.Gradients["b1"][1, 0], Is.EqualTo(4));
            Assert.That(swap.Gradients["b2"][1, 0], Is.EqualTo(2));
            Assert.That(correct["b1"], Is.EqualTo(new double[,] { { 1 }, { 2 } }), "bugs share no array with the correct gradient");
            Assert.That(correct["b2"], Is.EqualTo(new double[,] { { -3 }, { 4 } }));
            Assert.That(bugs.Select(bug => bug.Gradients).Distinct().Count(), Is.EqualTo(bugs.Length));
        }
    }

    [Test]
    public void Every_planted_bug_changes_its_tensor_by_at_least_the_threshold()
    {
        foreach (Func<int, ZooProblem<float>> factory in Zoo.Problems<float>())
        {
            ZooProblem<float> problem = factory(1);
            Dictionary<string, float[,]> correct = problem.Gradient();
            foreach (PlantedBug<float> bug in PlantedBugs.Structural(problem, correct))
            {
                string[] tensors = bug.Tensor.Split(", ");
                double change = PlantedBugs.RelativeChange([.. tensors.Select(name => correct[name])], [.. tensors.Select(name => bug.Gradients[name])]);
                Assert.That(change, Is.GreaterThanOrEqualTo(PlantedBugs.SmallestRelativeChange), $"{problem}: {bug.Name}");
            }
        }
    }

    /// <summary>A problem whose gradient is given; its cost is never called.</summary>
    private sealed class Fixed : ZooProblem<double>
    {
        private readonly Dictionary<string, double[,]> gradient;

        public Fixed(params (string Name, double[,] Gradient)[] tensors)
            : base("fixed", 0)
        {
            gradient = [];
            foreach ((string name, double[,] value) in tensors)
            {
                AddParameter(name, new double[value.GetLength(0), value.GetLength(1)]);
                gradient.Add(name, value);
            }
        }

        public override IReadOnlyList<SemanticBug<double>> SemanticBugs => [];

        public override double Cost() => 0.0;

        public override Dictionary<string, double[,]> Gradient() => gradient;
    }
}
