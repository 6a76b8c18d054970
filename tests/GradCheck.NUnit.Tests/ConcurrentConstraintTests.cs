using GradCheck.NUnit.Samples;
using NUnit.Framework.Interfaces;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// 64 <c>[Parallelizable(ParallelScope.All)]</c> cases, each asserting a gradient with the constraint,
/// run by NUnit's parallel dispatcher on 64 workers all at once: every case ends as it does when the
/// cases run one by one, with the same message, character for character.
/// </summary>
[NonParallelizable]
public class ConcurrentConstraintTests
{
    [Test]
    public void Sixty_four_parallel_cases_end_as_they_do_one_by_one()
    {
        SixtyFourChecks.Gate = null;
        Dictionary<string, ITestResult> oneByOne = FixtureRunner.Run(typeof(SixtyFourChecks));
        Dictionary<string, ITestResult> atOnce;
        using (var gate = new CountdownEvent(SixtyFourChecks.Count))
        {
            SixtyFourChecks.Gate = gate;
            try
            {
                atOnce = FixtureRunner.RunInParallel(typeof(SixtyFourChecks), workers: SixtyFourChecks.Count);
            }
            finally
            {
                SixtyFourChecks.Gate = null;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(oneByOne.Values.Count(result => result.ResultState.Status == TestStatus.Passed), Is.EqualTo(SixtyFourChecks.Count / 2));
            Assert.That(atOnce.Keys, Is.EquivalentTo(oneByOne.Keys));
            foreach ((string name, ITestResult expected) in oneByOne)
            {
                Assert.That(atOnce[name].ResultState, Is.EqualTo(expected.ResultState), name);
                Assert.That(atOnce[name].Message, Is.EqualTo(expected.Message), name);
            }
        }
    }
}
