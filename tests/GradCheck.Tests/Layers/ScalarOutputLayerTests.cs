using System.Numerics;
using GradCheck.Coverage;
using GradCheck.Layers;
using GradCheck.Reporting;

namespace GradCheck.Tests.Layers;

/// <summary>
/// Layers with one output, such as a determinant or a loss: J = dy · y is then a single product whose
/// sign is dy's, so any constant added to J to cover its noise can cancel it. Their correct backward
/// passes must pass whatever the sign of dy y, in float and double, and planted bugs must fail.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class ScalarOutputLayerTests<T>
    where T : IFloatingPointIeee754<T>
{
    private static IEnumerable<int> Seeds => Enumerable.Range(1, 20);

    [Test]
    public void The_determinants_correct_backward_pass_passes_whatever_the_sign_of_dy_times_det()
    {
        var failing = new List<string>();
        foreach (int seed in Seeds)
        {
            T[,] x = Matrix(seed);
            GradientCheckReport report = Layer.Of(x, Determinant, dy => Cofactors(x, dy[0])).WithSeed(seed).Check();
            if (!report.Passed)
            {
                failing.Add($"seed {seed}: {report.Summary}");
            }
        }

        Assert.That(failing, Is.Empty);
    }

    [Test]
    public void The_determinants_backward_pass_without_its_transpose_fails()
    {
        foreach (int seed in Seeds)
        {
            T[,] x = Matrix(seed);
            GradientCheckReport report = Layer.Of(x, Determinant, dy => Transposed(Cofactors(x, dy[0]))).WithSeed(seed).Check();
            Assert.That(report.Passed, Is.False, $"seed {seed}");
        }
    }

    [Test]
    public void A_mean_squared_error_layer_passes_and_its_missing_factor_two_fails()
    {
        foreach (int seed in Seeds)
        {
            T[,] x = Matrix(seed);
            T[,] target = Matrix(seed + 100);
            T[] Loss(T[,] input) => [MeanSquaredError(input, target)];
            T[,] Backward(T[] dy, T factor) => Map(x, (i, j) => factor * (x[i, j] - target[i, j]) * dy[0] / T.CreateTruncating(x.Length));

            GradientCheckReport right = Layer.Of(x, Loss, dy => Backward(dy, T.CreateTruncating(2))).WithSeed(seed).Check();
            GradientCheckReport wrong = Layer.Of(x, Loss, dy => Backward(dy, T.One)).WithSeed(seed).Check();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(right.Passed, Is.True, right.ToString);
                Assert.That(wrong.Passed, Is.False, $"seed {seed}");
            }
        }
    }

    private static T[,] Matrix(int seed)
    {
        var random = new SeededRandom(seed, 0, 0);
        var x = new T[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                x[i, j] = T.CreateTruncating((2 * random.NextUnit()) - 1 + (i == j ? 1.5 : 0));
            }
        }

        return x;
    }

    private static T[] Determinant(T[,] x) =>
        [(x[0, 0] * ((x[1, 1] * x[2, 2]) - (x[1, 2] * x[2, 1])))
            - (x[0, 1] * ((x[1, 0] * x[2, 2]) - (x[1, 2] * x[2, 0])))
            + (x[0, 2] * ((x[1, 0] * x[2, 1]) - (x[1, 1] * x[2, 0])))];

    /// <summary>d det / dX = the cofactor matrix, times dy.</summary>
    private static T[,] Cofactors(T[,] x, T dy) => Map(x, (i, j) =>
    {
        int r0 = i == 0 ? 1 : 0, r1 = i == 2 ? 1 : 2;
        int c0 = j == 0 ? 1 : 0, c1 = j == 2 ? 1 : 2;
        T minor = (x[r0, c0] * x[r1, c1]) - (x[r0, c1] * x[r1, c0]);
        return ((i + j) % 2 == 0 ? minor : -minor) * dy;
    });

    private static T[,] Transposed(T[,] m) => Map(m, (i, j) => m[j, i]);

    private static T MeanSquaredError(T[,] x, T[,] target)
    {
        T sum = T.Zero;
        foreach ((int i, int j) in Indices(x))
        {
            sum += (x[i, j] - target[i, j]) * (x[i, j] - target[i, j]);
        }

        return sum / T.CreateTruncating(x.Length);
    }

    private static T[,] Map(T[,] like, Func<int, int, T> value)
    {
        var result = new T[like.GetLength(0), like.GetLength(1)];
        foreach ((int i, int j) in Indices(like))
        {
            result[i, j] = value(i, j);
        }

        return result;
    }

    private static IEnumerable<(int Row, int Column)> Indices(T[,] m) =>
        from i in Enumerable.Range(0, m.GetLength(0)) from j in Enumerable.Range(0, m.GetLength(1)) select (i, j);
}
