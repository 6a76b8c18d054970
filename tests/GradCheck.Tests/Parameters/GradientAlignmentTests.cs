using GradCheck.Parameters;

namespace GradCheck.Tests.Parameters;

public class GradientAlignmentTests
{
    private static readonly double[,] W = new double[2, 3];
    private static readonly double[] B = new double[2];

    [Test]
    public void Finds_gradients_under_the_parameter_names()
    {
        double[,] gradientOfW = new double[2, 3];
        double[] gradientOfB = new double[2];
        TensorStorage<double>[] aligned = Align(Parameters(), new() { ["b"] = gradientOfB, ["W"] = gradientOfW });
        AssertAlignedTo(aligned, gradientOfW, gradientOfB);
    }

    [Test]
    public void Finds_gradients_under_d_plus_the_parameter_names()
    {
        double[,] dW = new double[2, 3];
        double[] db = new double[2];
        TensorStorage<double>[] aligned = Align(Parameters(), new() { ["db"] = db, ["dW"] = dW });
        AssertAlignedTo(aligned, dW, db);
    }

    [Test]
    public void Accepts_a_mix_of_both_naming_conventions()
    {
        double[,] dW = new double[2, 3];
        double[] b = new double[2];
        TensorStorage<double>[] aligned = Align(Parameters(), new() { ["dW"] = dW, ["b"] = b });
        AssertAlignedTo(aligned, dW, b);
    }

    [Test]
    public void Refuses_a_missing_gradient_naming_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(Parameters(), new() { ["dW"] = new double[2, 3] }));
        Assert.That(exception.Message, Does.Contain("no gradient for parameter 'b'").And.Contain("'db'"));
    }

    [Test]
    public void Refuses_an_extra_gradient_naming_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(
            Parameters(), new() { ["dW"] = new double[2, 3], ["db"] = new double[2], ["dV"] = new double[1] }));
        Assert.That(exception.Message, Does.Contain("gradient 'dV' matches no parameter"));
    }

    [Test]
    public void Refuses_both_W_and_dW_naming_them()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(
            Parameters(), new() { ["W"] = new double[2, 3], ["dW"] = new double[2, 3], ["db"] = new double[2] }));
        Assert.That(exception.Message, Does.Contain("parameter 'W' has two gradients, 'W' and 'dW'"));
    }

    [Test]
    public void Does_not_also_call_the_two_gradients_of_an_ambiguous_pair_unmatched()
    {
        // Both 'W' and 'dW' do match parameter W; the message should say they are ambiguous, not that
        // either "matches no parameter", which would contradict the first statement.
        var exception = Assert.Throws<ArgumentException>(() => Align(
            Parameters(), new() { ["W"] = new double[2, 3], ["dW"] = new double[2, 3], ["db"] = new double[2] }));
        Assert.That(exception.Message, Does.Not.Contain("matches no parameter"));
    }

    [Test]
    public void Refuses_a_shape_mismatch_naming_both_tensors_and_both_shapes()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(Parameters(), new() { ["dW"] = new double[3, 2], ["db"] = new double[2] }));
        Assert.That(
            exception.Message,
            Does.Contain("gradient 'dW' has shape (3, 2) but parameter 'W' has shape (2, 3)"));
    }

    [Test]
    public void Refuses_a_gradient_of_the_right_length_but_another_rank()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(Parameters(), new() { ["dW"] = new double[6], ["db"] = new double[2] }));
        Assert.That(exception.Message, Does.Contain("(6)").And.Contain("(2, 3)"));
    }

    [Test]
    public void Lists_several_problems_in_one_message()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(
            Parameters(), new() { ["dW"] = new double[3, 3], ["dc"] = new double[2] }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Does.Contain("gradient 'dW' has shape (3, 3) but parameter 'W' has shape (2, 3)"));
            Assert.That(exception.Message, Does.Contain("no gradient for parameter 'b'"));
            Assert.That(exception.Message, Does.Contain("gradient 'dc' matches no parameter"));
            Assert.That(exception.Message, Does.Contain("Parameters: W, b.").And.Contain("Gradients: dW, dc."));
        }
    }

    [Test]
    public void Says_none_when_no_gradient_is_given()
    {
        var exception = Assert.Throws<ArgumentException>(() => Align(Parameters(), []));
        Assert.That(exception.Message, Does.Contain("Gradients: none."));
    }

    private static TensorSet<double> Parameters() =>
        TensorSet<double>.FromPairs(new Dictionary<string, object> { ["W"] = W, ["b"] = B }, writable: true, role: "parameter");

    private static TensorStorage<double>[] Align(TensorSet<double> parameters, Dictionary<string, object> gradients) =>
        GradientAlignment.Align(parameters, TensorSet<double>.FromNamedTensors(gradients, writable: false, role: "gradient"));

    private static void AssertAlignedTo(TensorStorage<double>[] aligned, double[,] gradientOfW, double[] gradientOfB)
    {
        // Write through each aligned storage and see which container received it: the pairing, in parameter order.
        aligned[0].Span[5] = 1;
        aligned[1].Span[1] = 2;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(aligned, Has.Length.EqualTo(2));
            Assert.That(gradientOfW[1, 2], Is.EqualTo(1));
            Assert.That(gradientOfB[1], Is.EqualTo(2));
        }
    }
}
