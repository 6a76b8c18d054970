using System.Diagnostics;
using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.Zoo.Tests;

/// <summary>
/// The re-check at a point nudged off the ties, judged on the zoo's networks whose kinks meet
/// (relu-meeting-kinks and relu-zero-init), seeds 1 to 20, in double and float. The zoo's verdict tests
/// see the engine through <c>GradientChecker</c>, which has no backward pass to run at another point;
/// here each problem is a <see cref="GradientProblem{T}"/>, as <c>[GradientCheck]</c> checks it.
/// </summary>
/// <remarks>
/// A bug that lives only on an entry not checkable at the given point is planted there: 20% of the
/// gradient's largest |entry| at whatever point the backward pass runs, pushed away from the one-sided
/// derivatives of the given point so that it stays not checkable there. The given point cannot tell
/// it from the right value; the nudged point must.
/// </remarks>
[Parallelizable(ParallelScope.All)]
public class NudgedRecheckTests
{
    private const double BugShare = 0.2;

    private static readonly GradientCheckOptions Off = new() { RecheckAtNudgedPoint = false };

    public static IEnumerable<TestCaseData> MeetingKinkProblems() =>
        from type in new[] { "double", "float" }
        from name in new[] { "relu-meeting-kinks", "relu-zero-init" }
        select new TestCaseData(name, type).SetArgDisplayNames(name, type);

    [TestCaseSource(nameof(MeetingKinkProblems))]
    public void Correct_gradients_pass_with_every_entry_decided_and_every_parameter_restored(string name, string type)
    {
        (List<string> wrong, int notCheckable) = type == "double" ? Correct<double>(name) : Correct<float>(name);
        TestContext.Out.WriteLine($"{name} ({type}): {notCheckable} entries not checkable at the given point over {Zoo.Seeds.Count} seeds");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(notCheckable, Is.Positive, "the problems are built for entries not checkable at the given point");
            Assert.That(wrong, Is.Empty, () => ZooCases.Listing($"of {Zoo.Seeds.Count} correct gradients of {name} ({type}) flagged, undecided or not restored", wrong));
        }
    }

    [TestCaseSource(nameof(MeetingKinkProblems))]
    public void Bugs_on_entries_not_checkable_at_the_given_point_fail_at_the_nudged_point(string name, string type)
    {
        (List<string> missed, int planted) = type == "double" ? Bugs<double>(name) : Bugs<float>(name);
        TestContext.Out.WriteLine($"{name} ({type}): {planted - missed.Count} of {planted} bugs caught");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(planted, Is.Positive);
            Assert.That(missed, Is.Empty, () => ZooCases.Listing($"of {planted} bugs of {name} ({type}) at entries not checkable at the given point missed", missed));
        }
    }

    private static (List<string> Wrong, int NotCheckable) Correct<T>(string name)
        where T : IFloatingPointIeee754<T>
    {
        var clock = Stopwatch.StartNew();
        var wrong = new List<string>();
        int notCheckable = 0;
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<T> problem = Build<T>(name, seed);
            GradientProblem<T> checkable = GradientProblem.Create(name, problem.Parameters, problem.Cost, problem.Gradient);
            Dictionary<string, ulong[]> before = Bits(problem);

            int given = checkable.Check(Off).Tensors.Sum(tensor => tensor.NotCheckableCount);
            GradientCheckReport report = checkable.Check();

            notCheckable += given;
            string text = report.ToString();
            if (!report.Passed)
            {
                wrong.Add($"seed {seed}: flagged: {report.Summary}");
            }
            else if (report.Tensors.Sum(tensor => tensor.NotCheckableCount) > 0)
            {
                wrong.Add($"seed {seed}: entries still not checkable: {report.Summary}");
            }
            else if (given > 0 && !text.Contains("were re-checked at", StringComparison.Ordinal) && !text.Contains("was re-checked at", StringComparison.Ordinal))
            {
                wrong.Add($"seed {seed}: the report does not say that {given} entries were re-checked");
            }
            else if (given > 0 && !text.Contains("nudged off the ties (seed 1; every parameter moved by", StringComparison.Ordinal))
            {
                wrong.Add($"seed {seed}: the report does not give the nudge's seed");
            }

            if (!SameBits(before, Bits(problem)))
            {
                wrong.Add($"seed {seed}: parameters not restored bit for bit");
            }
        }

        TestContext.Out.WriteLine($"{name} ({Zoo.TypeName<T>()}): {Zoo.Seeds.Count} correct gradients in {clock.Elapsed.TotalSeconds:0.0} s");
        return (wrong, notCheckable);
    }

    private static (List<string> Missed, int Planted) Bugs<T>(string name)
        where T : IFloatingPointIeee754<T>
    {
        var missed = new List<string>();
        int planted = 0;
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<T> problem = Build<T>(name, seed);
            GradientCheckReport given = GradientProblem.Create(name, problem.Parameters, problem.Cost, problem.Gradient).Check(Off);
            foreach (TensorReport tensor in given.Tensors)
            {
                foreach (EntryReport entry in Enumerable.Range(0, tensor.EntryCount).Select(tensor.Entry).Where(entry => entry.Outcome == EntryOutcome.NotCheckable))
                {
                    planted++;
                    int sign = entry.Analytic < entry.OneSidedLow ? -1 : 1;
                    GradientProblem<T> buggy = GradientProblem.Create(name, problem.Parameters, problem.Cost, () => WrongAt(problem.Gradient(), tensor.Name, entry.FlatIndex, sign));
                    Dictionary<string, ulong[]> before = Bits(problem);

                    EntryOutcome atGiven = buggy.Check(Off).Tensors.Single(t => t.Name == tensor.Name).Entry(entry.FlatIndex).Outcome;
                    GradientCheckReport report = buggy.Check();

                    if (atGiven != EntryOutcome.NotCheckable)
                    {
                        missed.Add($"seed {seed}: the bug at {entry.Label} is {atGiven} at the given point, not out of its reach");
                    }
                    else if (report.Passed || !report.ToString().Contains($"{entry.Label} fails at nudged point", StringComparison.Ordinal))
                    {
                        missed.Add($"seed {seed}: the bug at {entry.Label} passed: {report.Summary}");
                    }

                    if (!SameBits(before, Bits(problem)))
                    {
                        missed.Add($"seed {seed}: parameters not restored bit for bit after the check of the bug at {entry.Label}");
                    }
                }
            }
        }

        return (missed, planted);
    }

    private static ZooProblem<T> Build<T>(string name, int seed)
        where T : IFloatingPointIeee754<T> =>
        Zoo.Problems<T>()[Zoo.Names.ToList().IndexOf(name)](seed);

    /// <summary>The gradient with <see cref="BugShare"/> of its largest |entry| added to one entry (subtracted for a negative sign).</summary>
    private static Dictionary<string, T[,]> WrongAt<T>(Dictionary<string, T[,]> gradient, string tensor, int flatIndex, int sign)
        where T : IFloatingPointIeee754<T>
    {
        T largest = gradient.Values.SelectMany(values => values.Cast<T>()).Aggregate(T.Zero, (most, value) => T.Max(most, T.Abs(value)));
        T[,] wrong = gradient[tensor];
        int columns = wrong.GetLength(1);
        wrong[flatIndex / columns, flatIndex % columns] += T.CreateTruncating(sign * BugShare) * largest;
        return gradient;
    }

    private static Dictionary<string, ulong[]> Bits<T>(ZooProblem<T> problem)
        where T : IFloatingPointIeee754<T> =>
        problem.Parameters.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Cast<T>().Select(value => typeof(T) == typeof(float) ? BitConverter.SingleToUInt32Bits(float.CreateTruncating(value)) : BitConverter.DoubleToUInt64Bits(double.CreateTruncating(value))).ToArray(),
            StringComparer.Ordinal);

    private static bool SameBits(Dictionary<string, ulong[]> first, Dictionary<string, ulong[]> second) =>
        first.All(pair => pair.Value.SequenceEqual(second[pair.Key]));
}
