using System.Text.RegularExpressions;
using GradCheck.Comparison;
using GradCheck.Jacobians;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Tests.Reporting;

/// <summary>
/// End to end, two values a report prints side by side read differently when they differ, however
/// late their digits part: a cost evaluated twice, a function's output evaluated twice, a worker's cost
/// and the model's, a and n in the table of entries.
/// </summary>
public class DistinctDigitsInReportsTests
{
    [Test]
    public void A_cost_that_differs_past_the_seventh_digit_is_shown_with_the_digits_that_differ()
    {
        // 0.146371² = 0.021424469641, and every other evaluation 1e-12 more: the same in 7 digits, 0.02142447.
        int calls = 0;
        double Cost(double[] t) => (t[0] * t[0]) + (1e-12 * (calls++ % 2));

        GradientCheckReport report = GradientChecker.Check(Cost, [0.146371], [0.292742]);

        Assert.That(report.Obstacles.Single().Kind, Is.EqualTo(CheckObstacleKind.CostNotDeterministic));
        Assert.That(report.Obstacles[0].Message, Does.StartWith("the cost is not deterministic: 0.021424469641 then 0.021424469642, evaluated twice at the same parameters;"));
    }

    [Test]
    public void A_float_cost_a_few_ulps_apart_is_shown_with_digits_that_differ()
    {
        // Every other evaluation 8 ulps higher, beyond the 4 a sum taken in a varying order may differ by.
        float eightUlps = 8 * (MathF.BitIncrement(1f) - 1f);
        int calls = 0;
        float Cost(float[] t) => t[0] * t[0] * (calls++ % 2 == 0 ? 1f : 1f + eightUlps);

        GradientCheckReport report = GradientChecker.Check(Cost, [1.3f], [2.6f]);

        Match match = Regex.Match(report.Obstacles.Single().Message, "^the cost is not deterministic: (?<first>\\S+) then (?<second>\\S+), ");
        Assert.That(match.Success, Is.True, report.ToString);
        Assert.That(match.Groups["first"].Value, Is.Not.EqualTo(match.Groups["second"].Value));
    }

    [Test]
    public void A_function_whose_output_differs_past_the_seventh_digit_is_shown_with_the_digits_that_differ()
    {
        int calls = 0;
        double[] F(double[] v) => [v[0] * v[1], v[1] + (1e-10 * (calls++ % 2))];

        GradientCheckReport report = JacobianChecker.Check(F, [0.5, 1.25], new double[,] { { 1.25, 0.5 }, { 0, 1 } });

        Assert.That(report.Obstacles.Single().Message, Does.StartWith("f is not deterministic: f[1] = 1.25 then 1.2500000001, evaluated twice at the given x;"));
    }

    [Test]
    public void A_worker_model_whose_cost_differs_past_the_seventh_digit_is_shown_with_the_digits_that_differ()
    {
        double[,] w = { { 0.75, -1.5 } };
        double[,] copy = { { 0.75, -1.5 } };
        GradientCheckTarget<double> target = GradientCheckTarget<double>
            .Named(() => Cost(w, 0), new Dictionary<string, double[,]> { ["W"] = w })
            .WithWorkerModels(() => WorkerModel.Of(() => Cost(copy, 1e-11), new Dictionary<string, double[,]> { ["W"] = copy }));

        GradientCheckReport report = target.Check(new Dictionary<string, double[,]> { ["dW"] = new double[,] { { 1.5, -3 } } }, new GradientCheckOptions { Workers = 2 });

        Assert.That(report.Obstacles.Single().Message, Does.StartWith("worker 2's model gives the cost 2.81250000001 at the model's parameters, but the model gives 2.8125:"));

        static double Cost(double[,] v, double offset) => (v[0, 0] * v[0, 0]) + (v[0, 1] * v[0, 1]) + offset;
    }

    [Test]
    public void Entries_whose_a_and_n_differ_past_the_eighth_digit_are_listed_with_the_digits_that_differ()
    {
        // a 3e-10 relative off n: the same in the table's usual 8 digits, outside Within(1e-12).
        double[] theta = [0.5, -1.25, 2.0];
        double[] gradient = [.. theta.Select(value => 3 * value * value * (1 + 3e-10))];

        GradientCheckReport report = GradientChecker.Check(
            t => t.Sum(value => value * value * value), theta, gradient, new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-12) });

        string[] rows = [.. report.ToString().Split(Environment.NewLine).Where(line => line.StartsWith("  theta[", StringComparison.Ordinal))];
        Assert.That(rows, Has.Length.EqualTo(3), report.ToString);
        foreach (string row in rows)
        {
            string[] columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(columns[1], Is.Not.EqualTo(columns[2]), row);
        }

        string[] lines = report.ToString().Split(Environment.NewLine);
        string header = lines.Single(line => line.StartsWith("  entry", StringComparison.Ordinal));
        MatchCollection first = Regex.Matches(rows[0], "\\S+");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(row => row.Length).Distinct().Count(), Is.EqualTo(1), "every row as wide as the others");
            Assert.That(
                header.IndexOf("numeric (n)", StringComparison.Ordinal) - header.IndexOf("analytic (a)", StringComparison.Ordinal),
                Is.EqualTo(first[2].Index + first[2].Length - (first[1].Index + first[1].Length)),
                "the headers as far apart as their columns");
            Assert.That(header.IndexOf("|a - n|", StringComparison.Ordinal) + "|a - n|".Length, Is.EqualTo(first[3].Index + first[3].Length), "|a - n| over its column");
            Assert.That(report.Tensors[0].Diagnosis!.Description, Is.EqualTo("every entry is 1.0000000003x the numerical gradient"));
        }
    }
}
