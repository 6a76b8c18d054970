using System.Numerics;
using CsCheck;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;

namespace GradCheck.Tests.Fuzzing;

/// <summary>The same inputs and options give the same report, byte for byte, as text and as an HTML page.</summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class DeterminismProperties<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>
    /// A known function at a point that may overflow, its gradient correct or with up to 8 entries doubled
    /// (so that failing reports, with their diagnoses and tables, are compared too), any valid options
    /// (rule, tolerance, kinks, sampled or random-direction coverage with their seeds): two checks on one
    /// worker give the same text and the same HTML page, and a check on 2 or 3 workers gives them too, as
    /// <see cref="GradientCheckOptions.Workers"/> promises.
    /// </summary>
    [Test]
    public void The_same_inputs_and_options_give_the_same_report_byte_for_byte_on_one_worker_or_several()
    {
        Gen<(FunctionCase<T>, BugDraw, bool, OptionsDraw)> cases = Gen.Select(FuzzCases<T>.Cases(FuzzValues<T>.MayOverflow), BugDraw.Any, Gen.Bool, OptionsDraw.Valid);
        Fuzz.Run(cases, FuzzBudget.Determinism, ((FunctionCase<T> Case, BugDraw Bugs, bool Buggy, OptionsDraw Options) draw) =>
        {
            (FunctionCase<T> fuzzCase, BugDraw bugs, bool buggy, OptionsDraw optionsDraw) = draw;
            T[] gradient = fuzzCase.Gradient();
            foreach ((_, int i) in buggy ? bugs.Entries(gradient.Length) : Enumerable.Empty<(int, int)>())
            {
                gradient[i] += gradient[i];
            }

            GradientCheckOptions options = optionsDraw.Build() with { Workers = 1 };
            (string text, string html) = Report(fuzzCase, gradient, options);
            (string again, string htmlAgain) = Report(fuzzCase, gradient, options);
            (string parallel, string htmlParallel) = Report(fuzzCase, gradient, options with { Workers = Math.Max(2, optionsDraw.Workers) });
            Assert.That(again, Is.EqualTo(text), "the text of a second run");
            Assert.That(htmlAgain, Is.EqualTo(html), "the HTML of a second run");
            Assert.That(parallel, Is.EqualTo(text), "the text on several workers");
            Assert.That(htmlParallel, Is.EqualTo(html), "the HTML on several workers");
        });
    }

    /// <summary>A check on fresh copies of theta and the gradient, as text and as HTML.</summary>
    private static (string Text, string Html) Report(FunctionCase<T> fuzzCase, T[] gradient, GradientCheckOptions options)
    {
        GradientCheckReport report = GradientChecker.Check(fuzzCase.Cost, (T[])fuzzCase.Theta.Clone(), (T[])gradient.Clone(), options);
        return (report.ToString(), HtmlReport.Create(report, "determinism"));
    }
}
