namespace GradCheck.NUnit.Tests;

public class AdjointConstraintTests
{
    private static readonly double[,] Matrix = { { 1, 2, 3 }, { 4, 5, 6 } };

    [Test]
    public void Passes_the_transpose_of_a_matrix_of_any_rank_and_fails_the_matrix_itself_read_as_its_transpose()
    {
        Func<double[,], double[,]> transpose = w => Apply(w, transposed: true);
        Assert.That(transpose, Is.AdjointOf((double[,] v) => Apply(v, transposed: false)).ForInputsLike(new double[3, 1]));

        // A square map whose "adjoint" is the map itself: only a symmetric matrix is its own adjoint.
        double[] Square(double[] v) => [v[0] + (2 * v[1]), 3 * v[1]];
        (bool passed, string message) = ConstraintMessages.Apply(Is.AdjointOf<double>(Square, inputLength: 2).WithSeed(5), (Func<double[], double[]>)Square);
        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("Adjoint check failed: <J v, w> and <v, Jᵀ w> differ by more than round-off").And.Contain("seed 5"));
    }

    [Test]
    public void Refuses_an_actual_value_that_is_not_the_adjoint_function_and_a_second_seed()
    {
        Assert.That(() => Assert.That(new double[2], Is.AdjointOf<double>(v => v, inputLength: 2)), Throws.ArgumentException.With.Message.Contains("Is.AdjointOf applies to the adjoint as a Func<"));
        Assert.That(() => Is.AdjointOf<double>(v => v, inputLength: 2).WithSeed(1).WithSeed(2), Throws.InvalidOperationException);
    }

    private static double[,] Apply(double[,] vector, bool transposed)
    {
        int rows = transposed ? Matrix.GetLength(1) : Matrix.GetLength(0);
        int columns = transposed ? Matrix.GetLength(0) : Matrix.GetLength(1);
        var result = new double[rows, 1];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[r, 0] += (transposed ? Matrix[c, r] : Matrix[r, c]) * vector[c, 0];
            }
        }

        return result;
    }
}
