using System.Numerics;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// Whatever it is given, a check returns a report (whose text and HTML page can be written) or throws
/// one of the exceptions its documentation lists, naming what was wrong, within a time limit.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class NoCrashProperties<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Far beyond any check here, which takes milliseconds: past it, the check is taken to hang.</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>
    /// For any <see cref="AnyInput{T}"/>, the outcome is one of:
    /// <list type="bullet">
    /// <item>ArgumentException (or a subclass) from options out of range, when they are built;</item>
    /// <item>ArgumentException saying "no parameters to check" naming theta (0), when theta is empty
    /// (refused when the target is made); else naming both shapes, when the gradient's length differs
    /// from theta's; else naming theta[i], i
    /// the first entry that is not finite; else naming
    /// GradientCheckOptions.Tensors, when it names a missing tensor or none;</item>
    /// <item>CostEvaluationException whose inner exception is the one the cost threw, or the cost's own
    /// OperationCanceledException, only from a cost that throws;</item>
    /// <item>otherwise a report, whose text, summary and HTML page are written without an exception.</item>
    /// </list>
    /// Never anything else (IndexOutOfRange, NullReference, Overflow, InvalidOperation from the checker
    /// itself), and theta and the gradient are unchanged bit for bit whatever happened.
    /// </summary>
    [Test]
    public void Any_input_gives_a_report_or_a_documented_exception_naming_the_problem()
    {
        Fuzz.Run(AnyInput<T>.Any, FuzzBudget.AnyInput, input =>
        {
            GradientCheckOptions options;
            try
            {
                options = input.Options.Build();
            }
            catch (ArgumentException)
            {
                // Documented on the options' init accessors and on GradientTolerance.Within and CheckCoverage.
                return;
            }

            T[] theta = input.Theta;
            T[] gradient = input.Gradient();
            ulong[] thetaBits = Bits.Of(theta);
            ulong[] gradientBits = Bits.Of(gradient);
            var thrown = new InvalidOperationException("the cost failed");
            var cancelled = new OperationCanceledException("the test was cancelled");
            GradientCheckReport? report = null;
            string text = string.Empty;
            Exception? exception = Within(TimeLimit, () =>
            {
                report = GradientChecker.Check(Cost(input, thrown, cancelled), theta, gradient, options);
                text = report.ToString() + report.Summary + HtmlReport.Create(report, "fuzz");
            }, out bool finished);

            Assert.That(finished, Is.True, $"the check took more than {TimeLimit}");
            int firstNotFinite = Array.FindIndex(theta, value => !T.IsFinite(value));
            Assert.That(Bits.Of(theta), Is.EqualTo(thetaBits), "theta changed");
            Assert.That(Bits.Of(gradient), Is.EqualTo(gradientBits), "the gradient changed");
            if (theta.Length == 0)
            {
                Assert.That(exception, Is.TypeOf<ArgumentException>().With.Message.Contain("no parameters to check").And.Message.Contain("theta (0)"));
            }
            else if (gradient.Length != theta.Length)
            {
                Assert.That(exception, Is.TypeOf<ArgumentException>().With.Message.Contain(Shapes.Format([gradient.Length])).And.Message.Contain(Shapes.Format([theta.Length])));
            }
            else if (firstNotFinite >= 0)
            {
                Assert.That(exception, Is.TypeOf<ArgumentException>().With.Message.Contain($"theta[{firstNotFinite}]"));
            }
            else if (input.Options.NamesAMissingTensor)
            {
                Assert.That(exception, Is.TypeOf<ArgumentException>().With.Message.Contain("GradientCheckOptions.Tensors"));
            }
            else if (exception is CostEvaluationException evaluation)
            {
                Assert.That(input.Behaviour, Is.EqualTo(CostBehaviour.Throws), exception.ToString());
                Assert.That(evaluation.InnerException, Is.SameAs(thrown));
            }
            else if (exception is OperationCanceledException)
            {
                Assert.That(input.Behaviour, Is.EqualTo(CostBehaviour.Cancels), exception.ToString());
                Assert.That(exception, Is.SameAs(cancelled));
            }
            else
            {
                Assert.That(exception, Is.Null, exception?.ToString());
                Assert.That(report, Is.Not.Null);
                Assert.That(text, Is.Not.Empty);
            }
        });
    }

    /// <summary>The cost as the input's behaviour makes it; thread-safe, since options may ask for several workers.</summary>
    private static Func<T[], T> Cost(AnyInput<T> input, InvalidOperationException thrown, OperationCanceledException cancelled)
    {
        T[] point = (T[])input.Theta.Clone();
        int evaluations = 0;
        return x =>
        {
            int evaluation = Interlocked.Increment(ref evaluations);
            bool triggered = evaluation == input.Trigger;
            return input.Behaviour switch
            {
                CostBehaviour.NaN => T.NaN,
                CostBehaviour.Infinity => T.PositiveInfinity,
                CostBehaviour.NaNAwayFromThePoint => Bits.Of(x).SequenceEqual(Bits.Of(point)) ? input.Function.Cost(x) : T.NaN,
                CostBehaviour.Throws when triggered => throw thrown,
                CostBehaviour.Cancels when triggered => throw cancelled,
                CostBehaviour.NotDeterministic => input.Function.Cost(x) + T.CreateTruncating(1e-3 * evaluation),
                CostBehaviour.ModifiesItsInput when triggered && x.Length > 0 => Modify(x, input.Function),
                _ => input.Function.Cost(x),
            };
        };
    }

    private static T Modify(T[] x, KnownFunction<T> function)
    {
        x[0] += T.One;
        return function.Cost(x);
    }

    /// <summary>Runs <paramref name="action"/> on a thread of its own for at most <paramref name="limit"/>; returns what it threw.</summary>
    private static Exception? Within(TimeSpan limit, Action action, out bool finished)
    {
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                thrown = exception;
            }
        })
        { IsBackground = true, Name = "fuzzed check" };
        thread.Start();
        finished = thread.Join(limit);
        return thrown;
    }
}
