using System.Buffers;
using System.Numerics.Tensors;
using GradCheck.Parameters;

namespace GradCheck.Tests.Parameters;

public class TensorStorageFactoryTests
{
    [Test]
    public void Wraps_a_vector_writing_through_to_it()
    {
        double[] vector = [1, 2, 3];
        TensorStorage<double> storage = TensorStorageFactory.Wrap<double>(vector, "b", writable: true);
        storage.Span[2] = 30;
        vector[0] = 10;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Shape, Is.EqualTo(new[] { 3 }));
            Assert.That(storage.Length, Is.EqualTo(3));
            Assert.That(vector[2], Is.EqualTo(30));
            Assert.That(storage.Span[0], Is.EqualTo(10));
        }
    }

    [Test]
    public void Wraps_a_matrix_row_major_writing_through_to_it()
    {
        var matrix = new float[2, 3];
        TensorStorage<float> storage = TensorStorageFactory.Wrap<float>(matrix, "W", writable: true);

        // Flat index 5 = row 1, column 2.
        storage.Span[5] = 7;
        matrix[0, 1] = 4;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(matrix[1, 2], Is.EqualTo(7f));
            Assert.That(storage.Span[1], Is.EqualTo(4f));
        }
    }

    [Test]
    public void Wraps_a_rank_three_array_row_major_writing_through_to_it()
    {
        var cube = new double[2, 3, 4];
        TensorStorage<double> storage = TensorStorageFactory.Wrap<double>(cube, "K", writable: true);

        // Flat index of [1, 2, 3] is (1 · 3 + 2) · 4 + 3 = 23.
        storage.Span[23] = 1;
        storage.Span[13] = 2; // (1 · 3 + 0) · 4 + 1: [1, 0, 1]
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Shape, Is.EqualTo(new[] { 2, 3, 4 }));
            Assert.That(storage.Length, Is.EqualTo(24));
            Assert.That(cube[1, 2, 3], Is.EqualTo(1));
            Assert.That(cube[1, 0, 1], Is.EqualTo(2));
        }
    }

    [Test]
    public void Wraps_a_dense_tensor_writing_through_to_it()
    {
        double[] data = [1, 2, 3, 4, 5, 6];
        Tensor<double> tensor = Tensor.Create<double>(data, [2, 3]);
        TensorStorage<double> storage = TensorStorageFactory.Wrap<double>(tensor, "W", writable: true);
        storage.Span[4] = 50;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(storage.Length, Is.EqualTo(6));
            Assert.That(tensor[1, 1], Is.EqualTo(50));
            Assert.That(storage.Span[5], Is.EqualTo(6));
        }
    }

    [Test]
    public void Wraps_an_empty_dense_tensor_as_no_entries()
    {
        Tensor<double> tensor = Tensor.Create<double>([], [0, 3]);
        TensorStorage<double> storage = TensorStorageFactory.Wrap<double>(tensor, "W", writable: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Shape, Is.EqualTo(new[] { 0, 3 }));
            Assert.That(storage.Length, Is.Zero);
        }
    }

    [Test]
    public void Wraps_a_memory_slice_writing_through_to_its_buffer_only()
    {
        double[] buffer = [1, 2, 3, 4, 5, 6];
        TensorStorage<double> storage = TensorStorageFactory.Wrap<double>(buffer.AsMemory(2, 3), "b", writable: true);
        storage.Span[0] = 30;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(storage.Shape, Is.EqualTo(new[] { 3 }));
            Assert.That(buffer, Is.EqualTo(new double[] { 1, 2, 30, 4, 5, 6 }));
        }
    }

    [Test]
    public void Accepts_read_only_memory_for_a_gradient()
    {
        double[] buffer = [1, 2, 3];
        TensorStorage<double> storage = TensorStorageFactory.Wrap<double>(new ReadOnlyMemory<double>(buffer), "db", writable: false);
        Assert.That(storage.Span.ToArray(), Is.EqualTo(buffer));
    }

    [Test]
    public void Refuses_read_only_memory_for_a_parameter()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            TensorStorageFactory.Wrap<double>(new ReadOnlyMemory<double>([1.0]), "b", writable: true));
        Assert.That(exception.Message, Does.Contain("'b'").And.Contain("Memory<"));
    }

    [Test]
    public void Refuses_a_sliced_tensor_that_is_not_dense_naming_it()
    {
        // Columns 0..1 of a (2, 3) tensor: strides (3, 1) with a gap after each row.
        Tensor<double> slice = Tensor.Create<double>([1, 2, 3, 4, 5, 6], [2, 3]).Slice([NRange.All, new NRange(new NIndex(0), new NIndex(2))]);
        Assert.That(slice.IsDense, Is.False, "the data must be a non-dense tensor");

        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<double>(slice, "W1", writable: true));
        Assert.That(exception.Message, Does.Contain("'W1'").And.Contain("not dense"));
    }

    [Test]
    public void Refuses_a_broadcast_tensor_that_is_not_dense_naming_it()
    {
        // One row seen three times: stride 0 on the first dimension.
        Tensor<double> broadcast = Tensor.Create<double>([1, 2], [3, 2], [0, 1]);
        Assert.That(broadcast.IsDense, Is.False, "the data must be a non-dense tensor");

        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<double>(broadcast, "b", writable: false));
        Assert.That(exception.Message, Does.Contain("'b'").And.Contain("not dense"));
    }

    [Test]
    public void Refuses_a_float_array_in_a_double_check_naming_the_tensor_and_the_type()
    {
        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<double>(new float[3], "W1", writable: true));
        Assert.That(exception.Message, Does.Contain("'W1'").And.Contain("float[]").And.Contain("double"));
    }

    [Test]
    public void Refuses_a_double_matrix_in_a_float_check_naming_the_tensor_and_the_type()
    {
        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<float>(new double[2, 2], "W2", writable: true));
        Assert.That(exception.Message, Does.Contain("'W2'").And.Contain("double[,]").And.Contain("float"));
    }

    [Test]
    public void Refuses_a_list_naming_the_tensor_and_the_type()
    {
        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<double>(new List<double> { 1 }, "b1", writable: true));
        Assert.That(exception.Message, Does.Contain("'b1'").And.Contain("List<double>"));
    }

    [Test]
    public void Refuses_a_jagged_array_naming_the_tensor_and_the_type()
    {
        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<double>(new double[2][], "W", writable: true));
        Assert.That(exception.Message, Does.Contain("'W'").And.Contain("double[][]"));
    }

    [Test]
    public void Refuses_null_naming_the_tensor()
    {
        var exception = Assert.Throws<ArgumentException>(() => TensorStorageFactory.Wrap<double>(null, "dW", writable: false));
        Assert.That(exception.Message, Does.Contain("'dW'").And.Contain("null"));
    }
}
