using GradCheck.Parameters;

namespace GradCheck.Tests.Parameters;

public class TensorSetTests
{
    [Test]
    public void Keeps_the_users_order()
    {
        var pairs = new List<KeyValuePair<string, double[]>> { new("z", [1]), new("a", [2]), new("m", [3]) };
        TensorSet<double> set = TensorSet<double>.FromPairs(pairs, writable: true, role: "parameter");
        Assert.That(set.Tensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "z", "a", "m" }));
    }

    [Test]
    public void Refuses_a_name_given_twice()
    {
        var pairs = new List<KeyValuePair<string, double[]>> { new("W", [1]), new("W", [2]) };
        var exception = Assert.Throws<ArgumentException>(() => TensorSet<double>.FromPairs(pairs, writable: true, role: "parameter"));
        Assert.That(exception.Message, Does.Contain("'W'").And.Contain("twice"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Refuses_an_empty_name(string name)
    {
        var pairs = new List<KeyValuePair<string, double[]>> { new(name, [1]) };
        Assert.Throws<ArgumentException>(() => TensorSet<double>.FromPairs(pairs, writable: true, role: "parameter"));
    }

    [Test]
    public void Refuses_null_instead_of_a_dictionary()
    {
        var exception = Assert.Throws<ArgumentException>(() => TensorSet<double>.FromNamedTensors(null, writable: false, role: "gradient"));
        Assert.That(exception.Message, Does.Contain("gradients must be a dictionary").And.Contain("were null"));
    }

    [Test]
    public void Refuses_a_dictionary_whose_keys_are_not_names()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            TensorSet<double>.FromNamedTensors(new Dictionary<int, double[]> { [1] = [1.0] }, writable: false, role: "gradient"));
        Assert.That(exception.Message, Does.Contain("key"));
    }

    [Test]
    public void Reads_any_dictionary_from_name_to_a_supported_container()
    {
        var gradients = new Dictionary<string, float[,]> { ["dW"] = new float[2, 2], ["dV"] = new float[1, 3] };
        TensorSet<float> set = TensorSet<float>.FromNamedTensors(gradients, writable: false, role: "gradient");
        Assert.That(set.Tensors.Select(tensor => tensor.Storage.Shape), Is.EqualTo(new[] { new[] { 2, 2 }, new[] { 1, 3 } }));
    }

    [Test]
    public void Refuses_one_array_given_as_two_parameters_naming_both()
    {
        double[] shared = [1, 2, 3];
        var pairs = new List<KeyValuePair<string, double[]>> { new("W", shared), new("b", [0]), new("V", shared) };

        var exception = Assert.Throws<ArgumentException>(() => TensorSet<double>.FromPairs(pairs, writable: true, role: "parameter"));

        Assert.That(exception.Message, Does.StartWith("The parameters 'W' (3) and 'V' (3) share storage, so perturbing an entry of one would move the other"));
    }

    [Test]
    public void Refuses_overlapping_slices_of_one_buffer_as_parameters()
    {
        var buffer = new Memory<double>(new double[10]);
        var pairs = new List<KeyValuePair<string, Memory<double>>> { new("W", buffer[..6]), new("b", buffer[5..]) };

        var exception = Assert.Throws<ArgumentException>(() => TensorSet<double>.FromPairs(pairs, writable: true, role: "parameter"));

        Assert.That(exception.Message, Does.Contain("'W' (6) and 'b' (5) share storage"));
    }

    [Test]
    public void Accepts_adjacent_slices_of_one_buffer_as_parameters()
    {
        var buffer = new Memory<double>(new double[10]);
        var pairs = new List<KeyValuePair<string, Memory<double>>> { new("W", buffer[..6]), new("b", buffer[6..]) };

        Assert.That(TensorSet<double>.FromPairs(pairs, writable: true, role: "parameter").Tensors, Has.Count.EqualTo(2));
    }

    [Test]
    public void Accepts_one_array_given_as_two_gradients_which_are_only_read()
    {
        double[] zeros = [0, 0];
        var gradients = new Dictionary<string, double[]> { ["dW"] = zeros, ["db"] = zeros };

        Assert.That(TensorSet<double>.FromNamedTensors(gradients, writable: false, role: "gradient").Tensors, Has.Count.EqualTo(2));
    }
}
