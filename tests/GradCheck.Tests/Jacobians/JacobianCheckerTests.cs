using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Jacobians;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Jacobians;

/// <summary>
/// End to end through <see cref="JacobianChecker"/> with the default tolerance, in double and in float:
/// correct Jacobians of known functions pass, Jacobians wrong on purpose fail and the report names the
/// entries J[i,j], x is never touched, and what cannot be checked says why.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class JacobianCheckerTests<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly T OnePercent = T.CreateTruncating(1.01);

    [Test]
    public void Passes_the_Jacobian_of_softmax([Values(1, 2, 3)] int seed)
    {
        T[] z = Functions.Uniform<T>(new Random(seed), 5, 2.0);
        AssertPasses(JacobianChecker.Check(v => Functions.Softmax<T>(v), z, VectorFunctions.SoftmaxJacobian(z)));
    }

    [Test]
    public void Passes_the_Jacobian_of_elementwise_tanh([Values(1, 2, 3)] int seed)
    {
        T[] x = Functions.Uniform<T>(new Random(seed), 6, 2.0);
        AssertPasses(JacobianChecker.Check(VectorFunctions.Tanh, x, VectorFunctions.TanhJacobian(x)));
    }

    [Test]
    public void Passes_the_Jacobian_of_a_linear_map([Values(1, 2, 3)] int seed)
    {
        // Outputs whose terms cancel round at the size of the terms, not of the output: the check must not
        // mistake that noise for an error or a kink.
        var random = new Random(seed);
        T[,] a = Functions.UniformMatrix<T>(random, 4, 6, 1.0);
        T[] x = Functions.Uniform<T>(random, 6, 1.0);
        GradientCheckReport report = JacobianChecker.Check(v => VectorFunctions.Multiply(a, v), x, a);
        AssertPasses(report);
        Assert.That(report.Tensors[0].KinkCount, Is.Zero, report.ToString);
    }

    [Test]
    public void Passes_the_Jacobian_of_a_dense_layer_with_respect_to_its_input([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        T[,] w = Functions.UniformMatrix<T>(random, 3, 5, 1.0);
        T[] b = Functions.Uniform<T>(random, 3, 0.5);
        T[] x = Functions.Uniform<T>(random, 5, 1.0);
        AssertPasses(JacobianChecker.Check(v => VectorFunctions.DenseLayer(w, b, v), x, VectorFunctions.DenseLayerJacobian(w, b, x)));
    }

    [Test]
    public void Passes_a_Hessian_checked_as_the_Jacobian_of_the_gradient([Values(1, 2, 3)] int seed)
    {
        // log-sum-exp: the gradient is softmax, the Hessian diag(s) - s sᵀ.
        T[] x = Functions.Uniform<T>(new Random(seed), 5, 2.0);
        AssertPasses(JacobianChecker.Check(v => Functions.Softmax<T>(v), x, VectorFunctions.SoftmaxJacobian(x)));

        // ½ xᵀ A x with A not symmetric: the gradient is (A + Aᵀ) x / 2 and the Hessian (A + Aᵀ) / 2.
        T[,] a = Functions.UniformMatrix<T>(new Random(seed + 10), 5, 5, 1.0);
        T[,] hessian = VectorFunctions.SymmetricPart(a);
        AssertPasses(JacobianChecker.Check(v => VectorFunctions.Multiply(hessian, v), x, hessian));
    }

    [Test]
    public void Fails_when_one_entry_is_off_by_one_percent_and_names_it([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        T[,] w = Functions.UniformMatrix<T>(random, 3, 5, 1.0);
        T[] b = Functions.Uniform<T>(random, 3, 0.5);
        T[] x = Functions.Uniform<T>(random, 5, 1.0);
        T[,] wrong = VectorFunctions.DenseLayerJacobian(w, b, x);
        (int row, int column) = VectorFunctions.Largest(wrong);
        wrong[row, column] *= OnePercent;

        GradientCheckReport report = JacobianChecker.Check(v => VectorFunctions.DenseLayer(w, b, v), x, wrong);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(1), report.ToString);
        Assert.That(report.Tensors[0].WorstEntries[0].Label, Is.EqualTo($"J[{row},{column}]"));
        Assert.That(report.ToString(), Does.StartWith($"Jacobian check failed: 1 of 15 entries outside tolerance: J[{row},{column}]."));
    }

    [Test]
    public void Fails_when_the_Jacobian_is_transposed([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        T[,] a = Functions.UniformMatrix<T>(random, 4, 4, 1.0);
        T[] x = Functions.Uniform<T>(random, 4, 1.0);

        GradientCheckReport report = JacobianChecker.Check(v => VectorFunctions.Multiply(a, v), x, VectorFunctions.Transpose(a));

        // Every off-diagonal entry is wrong, the diagonal right.
        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(12), report.ToString);
        Assert.That(report.Tensors[0].WorstEntries.Where(entry => !entry.Passed).Select(entry => entry.Label), Has.None.AnyOf("J[0,0]", "J[1,1]", "J[2,2]", "J[3,3]"));
    }

    [Test]
    public void Fails_when_two_columns_are_swapped_and_names_entries_in_those_columns_only([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        T[,] w = Functions.UniformMatrix<T>(random, 3, 5, 1.0);
        T[] b = Functions.Uniform<T>(random, 3, 0.5);
        T[] x = Functions.Uniform<T>(random, 5, 1.0);
        T[,] wrong = VectorFunctions.DenseLayerJacobian(w, b, x);
        for (int i = 0; i < 3; i++)
        {
            (wrong[i, 1], wrong[i, 3]) = (wrong[i, 3], wrong[i, 1]);
        }

        GradientCheckReport report = JacobianChecker.Check(v => VectorFunctions.DenseLayer(w, b, v), x, wrong);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(6), report.ToString);
        Assert.That(report.Tensors[0].WorstEntries.Where(entry => !entry.Passed).Select(entry => entry.Label), Is.All.Match(@"^J\[\d,[13]\]$"));
    }

    [Test]
    public void Fails_when_one_sign_is_flipped_and_names_the_entry([Values(1, 2, 3)] int seed)
    {
        T[] z = Functions.Uniform<T>(new Random(seed), 5, 2.0);
        T[,] wrong = VectorFunctions.SoftmaxJacobian(z);
        wrong[1, 2] = -wrong[1, 2];

        GradientCheckReport report = JacobianChecker.Check(v => Functions.Softmax<T>(v), z, wrong);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].WorstEntries[0].Label, Is.EqualTo("J[1,2]"), report.ToString);
        Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(7)]
    public void Evaluates_f_six_times_per_input_whatever_the_number_of_outputs(int outputs)
    {
        // Each evaluation at a perturbed x[j] gives a whole column J[:,j]: 6 per input, 3 at the given x.
        var a = new T[outputs, 4];
        a[0, 0] = T.One;
        int calls = 0;
        GradientCheckReport report = JacobianChecker.Check(v => { calls++; return VectorFunctions.Multiply(a, v); }, new T[4], a);

        Assert.That(report.Passed, Is.True, report.ToString);
        Assert.That(calls, Is.EqualTo((6 * 4) + 3));
        Assert.That(report.CostEvaluations, Is.EqualTo(calls));
    }

    [Test]
    public void The_two_point_rule_evaluates_f_twice_per_input_and_passes_a_correct_Jacobian()
    {
        T[] x = Functions.Uniform<T>(new Random(4), 6, 2.0);
        var options = new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint };

        GradientCheckReport report = JacobianChecker.Check(VectorFunctions.Tanh, x, VectorFunctions.TanhJacobian(x), options);

        AssertPasses(report);
        Assert.That(report.CostEvaluations, Is.EqualTo((2 * 6) + 3));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.ToString(), Does.Contain("Numerical Jacobian: central difference at ±h; h = cbrt(ε) max(1, |x|) = "));
            Assert.That(report.ToString(), Does.Contain(Environment.NewLine + "15 evaluations of f: 2 per input x[j], moved alone, "));
        }
    }

    [Test]
    public void Never_modifies_x_even_when_f_overwrites_and_returns_its_argument()
    {
        // An in-place tanh: f may use the array it is given as scratch space, and return it.
        T[] x = Functions.Uniform<T>(new Random(5), 4, 2.0);
        T[] before = (T[])x.Clone();
        static T[] InPlaceTanh(T[] v)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = T.Tanh(v[i]);
            }

            return v;
        }

        GradientCheckReport report = JacobianChecker.Check(InPlaceTanh, x, VectorFunctions.TanhJacobian(x));

        AssertPasses(report);
        Assert.That(Bits.Of(x), Is.EqualTo(Bits.Of(before)));
    }

    [Test]
    public void Copies_each_output_at_once_so_f_may_reuse_one_buffer()
    {
        T[] x = Functions.Uniform<T>(new Random(6), 4, 2.0);
        var buffer = new T[4];
        T[] Reusing(T[] v)
        {
            VectorFunctions.Tanh(v).CopyTo(buffer, 0);
            return buffer;
        }

        AssertPasses(JacobianChecker.Check(Reusing, x, VectorFunctions.TanhJacobian(x)));
    }

    [Test]
    public void Accepts_a_subgradient_at_a_kink_and_reports_it_unless_kinks_fail()
    {
        // ReLU at 0: any slope in [0, 1] is a subgradient; 0 and 1 are the usual choices.
        T[] x = [T.Zero, T.CreateTruncating(0.5), T.Zero, T.CreateTruncating(-0.5)];
        static T[] Relu(T[] v) => [.. v.Select(value => T.Max(value, T.Zero))];
        var jacobian = new T[4, 4];
        jacobian[1, 1] = T.One;
        jacobian[2, 2] = T.One;

        GradientCheckReport report = JacobianChecker.Check(Relu, x, jacobian);
        GradientCheckReport strict = JacobianChecker.Check(Relu, x, jacobian, new GradientCheckOptions { KinksFail = true });

        AssertPasses(report);
        Assert.That(report.Tensors[0].Kinks.Select(entry => entry.Label), Is.EqualTo(new[] { "J[0,0]", "J[2,2]" }));
        Assert.That(strict.Passed, Is.False);
        Assert.That(strict.ToString(), Does.Contain("J[0,0]").And.Contain("kink (the options make kinks fail)"));
    }

    [Test]
    public void A_Jacobian_with_a_row_too_many_is_an_error_naming_both_shapes()
    {
        T[] x = new T[5];
        Assert.That(
            () => JacobianChecker.Check(v => new T[3], x, new T[4, 5]),
            Throws.ArgumentException.With.Message.Contains("The Jacobian is (4, 5) but must be (3, 5)")
                .And.Message.Contains("one row per output of f(x) (3) and one column per entry of x (5)")
                .And.Property(nameof(ArgumentException.ParamName)).EqualTo("jacobian"));
    }

    [Test]
    public void A_Jacobian_with_a_column_too_few_is_an_error_naming_both_shapes()
    {
        Assert.That(
            () => JacobianChecker.Check(v => new T[3], new T[5], new T[3, 4]),
            Throws.ArgumentException.With.Message.Contains("The Jacobian is (3, 4) but must be (3, 5)"));
    }

    [Test]
    public void A_transposed_Jacobian_is_an_error_that_says_so()
    {
        Assert.That(
            () => JacobianChecker.Check(v => new T[3], new T[5], new T[5, 3]),
            Throws.ArgumentException.With.Message.Contains("(inputs, outputs), as PyTorch's gradcheck lays it out; transpose it"));
    }

    [Test]
    public void An_empty_or_non_finite_x_is_an_error()
    {
        Assert.That(() => JacobianChecker.Check(v => v, [], new T[0, 0]), Throws.ArgumentException.With.Message.Contains("x is empty"));
        Assert.That(
            () => JacobianChecker.Check(v => v, [T.One, T.NaN], new T[2, 2]),
            Throws.ArgumentException.With.Message.Contains("x[1] is NaN"));
    }

    [Test]
    public void Options_that_select_tensors_are_an_error_naming_the_option()
    {
        Assert.That(
            () => JacobianChecker.Check(v => v, [T.One], new T[1, 1], new GradientCheckOptions { Tensors = ["x"] }),
            Throws.ArgumentException.With.Message.Contains("leave Tensors null"));
    }

    [Test]
    public void An_output_whose_length_changes_with_x_is_an_error()
    {
        Assert.That(
            () => JacobianChecker.Check(v => v[0] > T.Zero ? new T[2] : new T[3], [T.Zero], new T[3, 1]),
            Throws.ArgumentException.With.Message.Contains("f returned 2 values at x[0] + h after 3 at the given x"));
    }

    [Test]
    public void Values_that_are_not_finite_at_perturbed_points_fail_naming_the_output_and_the_point()
    {
        // sqrt just above 0: the stencil's left points fall below 0, where sqrt is NaN.
        T[] x = [T.CreateTruncating(5e-4), T.One];
        static T[] Roots(T[] v) => [T.Sqrt(v[0]), T.Sqrt(v[1])];
        var jacobian = new T[2, 2];
        jacobian[0, 0] = T.One / (T.CreateTruncating(2) * T.Sqrt(x[0]));
        jacobian[1, 1] = T.CreateTruncating(0.5);

        GradientCheckReport report = JacobianChecker.Check(Roots, x, jacobian);
        string text = report.ToString();

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].WorstEntries[0].Label, Is.EqualTo("J[0,0]"), text);
        Assert.That(report.Tensors[0].WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite));
        Assert.That(text, Does.Contain("f not finite at a perturbed point").And.Contain("Not finite at perturbed points: f[0] = NaN at x[0] - "));
    }

    [Test]
    public void An_output_that_is_not_finite_at_the_given_x_is_a_problem_that_names_it()
    {
        GradientCheckReport report = JacobianChecker.Check(v => [v[0], T.Log(v[1])], [T.One, T.Zero], new T[2, 2]);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Obstacles.Single().Kind, Is.EqualTo(CheckObstacleKind.CostNotFinite));
        Assert.That(report.ToString(), Does.StartWith("Jacobian check failed:").And.Contain("  f[1] = -Infinity at the given x, so no Jacobian can be compared"));
    }

    [Test]
    public void A_function_that_is_not_deterministic_is_a_problem()
    {
        int calls = 0;
        GradientCheckReport report = JacobianChecker.Check(v => [v[0] + T.CreateTruncating(calls++ * 0.01)], [T.One], new T[1, 1]);

        Assert.That(report.Obstacles.Single().Kind, Is.EqualTo(CheckObstacleKind.CostNotDeterministic));
        Assert.That(report.Obstacles[0].Message, Does.StartWith("f is not deterministic: f[0] = 1 then 1.01"));
    }

    [Test]
    public void A_function_that_throws_names_the_perturbed_point()
    {
        T[] x = [T.Zero, T.One];
        var exception = Assert.Throws<CostEvaluationException>(
            () => JacobianChecker.Check(v => v[1] > T.One ? throw new InvalidOperationException("boom") : v, x, new T[2, 2]));

        Assert.That(exception.Point, Is.EqualTo("x[1] + h"));
        Assert.That(Bits.Of(x), Is.EqualTo(Bits.Of(new[] { T.Zero, T.One })));
    }

    [Test]
    public void The_report_names_the_Jacobian_and_its_indexing()
    {
        T[] z = Functions.Uniform<T>(new Random(7), 3, 2.0);
        T[,] wrong = VectorFunctions.SoftmaxJacobian(z);
        wrong[2, 0] = -wrong[2, 0];

        GradientCheckReport report = JacobianChecker.Check(v => Functions.Softmax<T>(v), z, wrong);
        string[] lines = report.ToString().Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Subject.Name, Is.EqualTo("Jacobian"));
            Assert.That(report.Cost, Is.NaN);
            Assert.That(lines[0], Is.EqualTo("Jacobian check failed: 1 of 9 entries outside tolerance: J[2,0]."));
            Assert.That(lines[1], Is.EqualTo("J[i,j] = ∂f[i]/∂x[j]: row i is output f[i] of 3, column j is input x[j] of 3"));
            Assert.That(lines[2], Does.StartWith("  J: wrong in 1 isolated entry only: "), "the diagnosis, under the heading");
            Assert.That(lines[3], Does.StartWith("J (3, 3): 1 of 9 entries outside tolerance"));
            Assert.That(lines, Has.One.StartsWith("Numerical Jacobian: five-point rule R(h) at ±h, ±2h, ±4h; h = ε^(1/5)/4 max(1, |x|) = "));
            Assert.That(lines, Has.One.EqualTo("21 evaluations of f: 6 per input x[j], moved alone, each giving a whole column J[:,j], and 3 at the given x; the round-off of f[i] is counted on at least Σ_j |n[i,j] x[j]|, the size of the terms it sums"));
            Assert.That(lines, Has.None.StartsWith("Each input"), "the evaluations are stated once, with their count");
            Assert.That(report.Summary, Is.EqualTo("1 of 9 entries outside tolerance: J[2,0]"));
        }
    }

    private static void AssertPasses(GradientCheckReport report) => Assert.That(report.Passed, Is.True, report.ToString);
}
