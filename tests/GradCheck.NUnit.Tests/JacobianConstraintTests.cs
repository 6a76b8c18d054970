using GradCheck.Reporting;

namespace GradCheck.NUnit.Tests;

/// <summary>Is.JacobianOf(f).At(x) as a user writes it: verdicts, modifiers, description and failure message.</summary>
public class JacobianConstraintTests
{
    // A dense layer's output y = tanh(W x + b) as a function of its input: J = diag(1 - y²) W, (3, 4).
    private static readonly double[,] W = { { 0.5, -1.2, 0.3, 0.8 }, { -0.7, 0.4, 1.1, -0.2 }, { 0.9, 0.6, -0.5, 0.35 } };
    private static readonly double[] B = [0.1, -0.3, 0.2];
    private static readonly double[] X = [0.4, -0.6, 0.25, 1.1];

    [Test]
    public void Passes_the_Jacobian_of_a_dense_layer_in_double_and_in_float()
    {
        float[] xF = [.. X.Select(value => (float)value)];

        Assert.That(Jacobian(X), Is.JacobianOf((double[] x) => Layer(x)).At(X));
        Assert.That(Jacobian(xF), Is.JacobianOf((float[] x) => Layer(x)).At(xF));
    }

    [Test]
    public void Not_passes_a_Jacobian_with_one_entry_off_by_one_percent()
    {
        double[,] wrong = Jacobian(X);
        wrong[2, 3] *= 1.01;

        Assert.That(wrong, Is.Not.JacobianOf((double[] x) => Layer(x)).At(X));
        (bool passed, _) = ConstraintMessages.Apply(Is.Not.JacobianOf((double[] x) => Layer(x)).At(X), Jacobian(X));
        Assert.That(passed, Is.False, "a correct Jacobian must fail Is.Not.JacobianOf");
    }

    [Test]
    public void A_Hessian_is_checked_as_the_Jacobian_of_the_gradient()
    {
        // log-sum-exp: the gradient is softmax, the Hessian diag(s) - s sᵀ.
        double[] z = [0.3, -1.2, 2.0, 0.5];
        double[] s = Softmax(z);
        var hessian = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                hessian[i, j] = (i == j ? s[i] : 0) - (s[i] * s[j]);
            }
        }

        Assert.That(hessian, Is.JacobianOf((double[] t) => Softmax(t)).At(z));
        hessian[1, 1] = -hessian[1, 1];
        Assert.That(hessian, Is.Not.JacobianOf((double[] t) => Softmax(t)).At(z));
    }

    [Test]
    public void Failure_message_has_NUnits_layout_names_the_entry_and_then_the_whole_report()
    {
        double[,] wrong = Jacobian(X);
        wrong[2, 3] *= 1.01;

        (bool passed, string message) = ConstraintMessages.Apply(Is.JacobianOf((double[] x) => Layer(x)).At(X), wrong);
        GradientCheckReport report = JacobianChecker.Check(Layer, X, wrong);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.StartWith("  Expected: Jacobian of f at x (4), J[i,j] = ∂f[i]/∂x[j], each entry within the rule below" + Environment.NewLine));
        Assert.That(message, Does.Contain("  But was:  1 of 12 entries outside tolerance: J[2,3]"));
        Assert.That(message, Does.Contain("J[i,j] = ∂f[i]/∂x[j]: row i is output f[i] of 3, column j is input x[j] of 4"));
        Assert.That(message, Does.Contain(report.ToString()));
        Assert.That(message.TrimEnd(), Does.Match(@"\nPictures: .*\.html \(a heatmap and a scatter plot per tensor; attached to the test\)$"), "the picture's line closes the message");
    }

    [Test]
    public void Within_may_appear_only_once()
    {
        JacobianConstraint<double> constraint = Is.JacobianOf((double[] x) => Layer(x)).At(X).Within(1e-7);

        Assert.That(() => constraint.Within(1e-6), Throws.InvalidOperationException.With.Message.EqualTo("Within modifier may appear only once in a Jacobian constraint."));
        Assert.That(() => constraint.Within(1e-6, 1e-6), Throws.InvalidOperationException);
    }

    [Test]
    public void Within_is_the_rule_of_the_report_and_is_kept_through_WithOptions()
    {
        double[,] offByTenPercent = Jacobian(X);
        offByTenPercent[0, 0] *= 1.1;
        JacobianConstraint<double> constraint = Is.JacobianOf((double[] x) => Layer(x)).At(X)
            .Within(1e-3, 1e-3)
            .WithOptions(new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint });

        (bool passed, string message) = ConstraintMessages.Apply(constraint, offByTenPercent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(constraint.Description, Does.EndWith("each entry within the rule below"));
            Assert.That(passed, Is.False);
            Assert.That(message, Does.Contain(Environment.NewLine + "Rule: |a - n| <= 1e-03 + 1e-03 * max(|a|, |n|); NaN or infinity fails"));
            Assert.That(message, Does.Contain("Method = DifferenceMethod.CentralTwoPoint, Tolerance = GradientTolerance.Within(0.001, 0.001)"));
        }
    }

    [Test]
    public void After_Is_Not_the_description_states_the_rule_itself_as_no_report_follows()
    {
        JacobianConstraint<double> constraint = Is.Not.JacobianOf((double[] x) => Layer(x)).At(X).Within(0.1, 0.1);

        (bool passed, string message) = ConstraintMessages.Apply(Is.Not.JacobianOf((double[] x) => Layer(x)).At(X).Within(0.1, 0.1), Jacobian(X));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(constraint.Description, Does.EndWith("each entry |a - n| <= 1e-01 + 1e-01 * max(|a|, |n|)"));
            Assert.That(passed, Is.False);
            Assert.That(message, Does.StartWith("  Expected: not Jacobian of f at x (4), J[i,j] = ∂f[i]/∂x[j], each entry |a - n| <= 1e-01 + 1e-01 * max(|a|, |n|)" + Environment.NewLine));
        }
    }

    [Test]
    public void An_actual_value_that_is_not_a_matrix_of_the_element_type_is_an_error()
    {
        Assert.That(
            () => Assert.That(new double[3], Is.JacobianOf((double[] x) => Layer(x)).At(X)),
            Throws.ArgumentException.With.Message.EqualTo("The actual value must be the analytic Jacobian, (outputs, inputs) with J[i,j] = ∂f[i]/∂x[j], a double[,]; it is a double[]. (Parameter 'actual')"));
        Assert.That(
            () => Assert.That(new float[3, 4], Is.JacobianOf((double[] x) => Layer(x)).At(X)),
            Throws.ArgumentException.With.Message.Contains("it is a float[,]"));
    }

    [Test]
    public void A_Jacobian_of_the_wrong_shape_is_an_error_naming_both_shapes()
    {
        Assert.That(
            () => Assert.That(new double[4, 3], Is.JacobianOf((double[] x) => Layer(x)).At(X)),
            Throws.ArgumentException.With.Message.Contains("The Jacobian is (4, 3) but must be (3, 4)").And.Message.Contains("transpose it"));
    }

    private static double[] Layer(double[] x)
    {
        var y = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double z = B[i];
            for (int j = 0; j < 4; j++)
            {
                z += W[i, j] * x[j];
            }

            y[i] = Math.Tanh(z);
        }

        return y;
    }

    private static float[] Layer(float[] x) => [.. Layer([.. x.Select(value => (double)value)]).Select(value => (float)value)];

    private static double[,] Jacobian(double[] x)
    {
        double[] y = Layer(x);
        var jacobian = new double[3, 4];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                jacobian[i, j] = (1 - (y[i] * y[i])) * W[i, j];
            }
        }

        return jacobian;
    }

    private static float[,] Jacobian(float[] x)
    {
        double[,] jacobian = Jacobian([.. x.Select(value => (double)value)]);
        var single = new float[3, 4];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                single[i, j] = (float)jacobian[i, j];
            }
        }

        return single;
    }

    private static double[] Softmax(double[] z)
    {
        double largest = z.Max();
        double[] e = [.. z.Select(value => Math.Exp(value - largest))];
        double sum = e.Sum();
        return [.. e.Select(value => value / sum)];
    }
}
