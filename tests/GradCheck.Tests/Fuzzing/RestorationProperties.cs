using System.Numerics;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// After every check of a model that reads its parameters in place (passing, failing, refused, thrown or
/// cancelled) every parameter equals its saved copy bit for bit, and so does every gradient.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class RestorationProperties<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>
    /// For any <see cref="NamedModel{T}"/> (vectors and matrices holding -0, subnormals, huge values and now
    /// and then NaN; a cost that may write into a parameter and then throw, be cancelled or go on; any
    /// coverage, rule and tolerance): the parameters' and gradients' bits are those saved before the check.
    /// Besides: the cost's exception comes out wrapped in a CostEvaluationException (or, cancelled, as
    /// itself) exactly when the cost threw, and a cost that wrote into a parameter and went on is reported
    /// as CostModifiedParameters, unless it wrote into the very entry the checker had moved (restoring
    /// that entry undoes the write before anyone can see it).
    /// </summary>
    [Test]
    public void Parameters_and_gradients_are_restored_bit_for_bit_after_every_check()
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        int ran = Fuzz.Run(NamedModel<T>.Any, FuzzBudget.Restoration, model =>
        {
            GradientCheckOptions options = model.Options.Build(model.Name(0));
            Dictionary<string, Array> parameters = model.Parameters();
            Dictionary<string, Array> gradients = model.Gradient();
            Dictionary<string, ulong[]> parameterBits = Bits.Of(parameters);
            Dictionary<string, ulong[]> gradientBits = Bits.Of(gradients);
            var log = new CostLog();
            var thrown = new InvalidOperationException("diverged");
            var cancelled = new OperationCanceledException("the test was cancelled");
            GradientCheckReport? report = null;
            Exception? exception = null;
            try
            {
                report = model.Target(log, thrown, cancelled).Check(gradients, options);
            }
            catch (Exception caught)
            {
                exception = caught;
            }

            bool triggered = log.Wrote;
            string outcome = exception is null ? (report!.Passed ? "passed" : "failed") : exception.GetType().Name;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            Assert.That(Bits.Of(parameters), Is.EqualTo(parameterBits), "parameters after " + (exception?.GetType().Name ?? "a report"));
            Assert.That(Bits.Of(gradients), Is.EqualTo(gradientBits), "gradients after " + (exception?.GetType().Name ?? "a report"));
            switch (exception)
            {
                case CostEvaluationException evaluation:
                    Assert.That(triggered && model.Behaviour == ModelBehaviour.ScribblesAndThrows, Is.True, exception.ToString());
                    Assert.That(evaluation.InnerException, Is.SameAs(thrown));
                    break;
                case OperationCanceledException:
                    Assert.That(triggered && model.Behaviour == ModelBehaviour.ScribblesAndCancels, Is.True, exception.ToString());
                    Assert.That(exception, Is.SameAs(cancelled));
                    break;
                case ArgumentException:
                    // A NaN parameter, only empty tensors, or several workers without worker models: refused before the cost is called.
                    Assert.That(log.Evaluations, Is.Zero, exception.ToString());
                    break;
                case null:
                    Assert.That(triggered && model.Behaviour != ModelBehaviour.ModifiesAParameter, Is.False, "the cost threw, yet a report came back");
                    if (triggered && !log.WroteAnEntryTheCheckerMoved)
                    {
                        Assert.That(report!.Obstacles.Select(obstacle => obstacle.Kind), Has.Member(CheckObstacleKind.CostModifiedParameters), report.ToString);
                    }

                    break;
                default:
                    Assert.Fail(exception.ToString());
                    break;
            }
        });

        // Not vacuous: a good share of the checks get as far as a report, and some are thrown out of or cancelled.
        Assert.That(outcomes.GetValueOrDefault("passed") + outcomes.GetValueOrDefault("failed"), Is.GreaterThanOrEqualTo(ran / 4));
        Assert.That(outcomes.GetValueOrDefault(nameof(CostEvaluationException)) + outcomes.GetValueOrDefault(nameof(OperationCanceledException)), Is.GreaterThanOrEqualTo(ran / 20));
    }
}
