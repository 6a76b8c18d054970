using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// Correct gradients of linear, quadratic and log-sum-exp functions of 1 to 64 entries, at points mixing
/// zeros, subnormals, tiny, ordinary and huge values, pass the default automatic rule under either
/// difference rule wherever the rule's premises hold, and are never called not finite.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class CorrectGradientProperties<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>
    /// The automatic rule has two premises (<see cref="EntryBound.AutomaticRuleApplies"/>): a cost accurate
    /// to a few ulps of its value, and, for the two-point rule, whose error estimate is round-off only, a
    /// truncation error below that estimate. Where the known functions' own bounds show both at every
    /// point the check evaluates, the correct gradient must pass. Elsewhere it may fail, but only entry by
    /// entry: the cost is finite everywhere, so no problem may be reported and no value called not finite.
    /// (A correct gradient does fail outside the premises: log-sum-exp at θ = (200, 200.5) in double under
    /// the two-point rule, whose truncation h² f''' / 6 ≈ 1.4e-8 is far above its bound of 5.9e-10.)
    /// At least 80% of the cases must meet the premises, or the property proves little.
    /// </summary>
    [Test]
    public void Correct_gradients_pass_the_automatic_rule_wherever_its_premises_hold([Values] DifferenceMethod method)
    {
        int premisesHold = 0;
        int ran = Fuzz.Run(FuzzCases<T>.Finite, FuzzBudget.CorrectGradients, fuzzCase =>
        {
            EntryBound[] bounds = EntryBounds.Of(fuzzCase, method);
            GradientCheckReport report = GradientChecker.Check(fuzzCase.Cost, fuzzCase.Theta, fuzzCase.Gradient(), new GradientCheckOptions { Method = method });
            Assert.That(report.Obstacles, Is.Empty, report.ToString);
            TensorReport tensor = report.Tensors[0];
            Assert.That(Enumerable.Range(0, tensor.EntryCount).Select(i => tensor.Entry(i).Outcome), Has.None.EqualTo(EntryOutcome.AnalyticNotFinite).And.None.EqualTo(EntryOutcome.NumericNotFinite), report.ToString);
            if (bounds.All(bound => bound.AutomaticRuleApplies))
            {
                Assert.That(report.Passed, Is.True, report.ToString);
            }

            premisesHold += bounds.All(bound => bound.AutomaticRuleApplies) ? 1 : 0;
        });

        Assert.That(premisesHold, Is.GreaterThanOrEqualTo(0.8 * ran));
    }
}
