using GradCheck.Reporting;

namespace GradCheck.Tests.Jacobians;

/// <summary>
/// Options that only a gradient check can follow are refused by the Jacobian and Hessian-vector product
/// checks, naming the option, before the function is called: never quietly ignored.
/// </summary>
public sealed class VectorCheckOptionsTests
{
    private static readonly (string Name, GradientCheckOptions Options, string Refusal)[] GradientOnlyOptions =
    [
        ("tensors", new GradientCheckOptions { Tensors = ["x"] }, "GradientCheckOptions.Tensors selects parameter tensors"),
        ("sample", new GradientCheckOptions { Coverage = CheckCoverage.SampledEntries(2) }, "GradientCheckOptions.Coverage is "),
        ("directions", new GradientCheckOptions { Coverage = CheckCoverage.RandomDirections(1) }, "GradientCheckOptions.Coverage is "),
        ("workers", new GradientCheckOptions { Workers = 2 }, "GradientCheckOptions.Workers is 2"),
    ];

    public static IEnumerable<TestCaseData> Refused() =>
        GradientOnlyOptions.SelectMany(option => new[]
        {
            new TestCaseData(option.Options, option.Refusal, true).SetArgDisplayNames("Jacobian", option.Name),
            new TestCaseData(option.Options, option.Refusal, false).SetArgDisplayNames("Hessian-vector product", option.Name),
        });

    [TestCaseSource(nameof(Refused))]
    public void An_option_only_a_gradient_check_follows_is_refused_before_the_function_runs(GradientCheckOptions options, string refusal, bool jacobian)
    {
        int calls = 0;
        double[] F(double[] v)
        {
            calls++;
            return [.. v];
        }

        double[] x = [0.5, -1.5];
        Func<GradientCheckReport> check = jacobian
            ? () => JacobianChecker.Check(F, x, new double[,] { { 1, 0 }, { 0, 1 } }, options)
            : () => HessianVectorProductChecker.Check(F, x, [1.0, 2.0], [1.0, 2.0], options);

        var thrown = Assert.Throws<ArgumentException>(() => check());
        Assert.That(thrown!.Message, Does.StartWith(refusal).And.Contain(jacobian ? "a Jacobian check" : "a Hessian-vector product check"));
        Assert.That(thrown.ParamName, Is.EqualTo("options"));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public void The_options_a_vector_check_follows_are_accepted()
    {
        var options = new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint, KinksFail = true, WorstEntriesShown = 2, BatchSize = 4 };

        GradientCheckReport report = JacobianChecker.Check<double>(v => [.. v], [0.5, -1.5], new double[,] { { 1, 0 }, { 0, 1 } }, options);

        Assert.That(report.Passed, Is.True, report.ToString);
        Assert.That(report.Options, Is.EqualTo(options));
    }

    [Test]
    public void Bad_input_has_a_stack_trace_that_starts_at_the_test_with_no_frame_of_the_library()
    {
        double[] x = [0.5, -1.5];
        var inputErrors = new Action[]
        {
            () => JacobianChecker.Check<double>(v => [.. v], x, new double[3, 2]),
            () => JacobianChecker.Check<double>(v => [.. v], x, new double[2, 2], new GradientCheckOptions { Workers = 2 }),
            () => HessianVectorProductChecker.Check<double>(v => [.. v], x, [1.0], [1.0, 2.0]),
            () => HessianVectorProductChecker.Check<double>(v => [v[0]], x, [1.0, 0.0], [1.0, 0.0]),
        };

        foreach (Action inputError in inputErrors)
        {
            var error = Assert.Throws<ArgumentException>(() => inputError());
            string[] frames = [.. error!.StackTrace!.Split('\n').Where(line => line.Contains("GradCheck.", StringComparison.Ordinal))];
            Assert.That(frames, Is.Not.Empty.And.All.Contains("GradCheck.Tests."), error.StackTrace);
        }
    }
}
