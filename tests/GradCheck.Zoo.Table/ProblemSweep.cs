using System.Numerics;

namespace GradCheck.Zoo.Table;

/// <summary>Every verdict of the engine on one problem in one type, over <see cref="Zoo.Seeds"/>.</summary>
/// <param name="Problem">The problem's name.</param>
/// <param name="Type">float or double.</param>
/// <param name="ParameterCount">The problem's number of parameter entries.</param>
/// <param name="HasKinks">Whether the problem has kinks by construction.</param>
/// <param name="Verdicts">The verdicts: per seed the correct gradient's, then every bug's.</param>
internal sealed record ProblemSweep(string Problem, string Type, int ParameterCount, bool HasKinks, IReadOnlyList<Verdict> Verdicts)
{
    /// <summary>Sweeps every problem in double and in float, problems in parallel, results in catalogue order.</summary>
    public static IReadOnlyList<ProblemSweep> RunAll()
    {
        var jobs = new List<Func<ProblemSweep>>();
        for (int index = 0; index < Zoo.Names.Count; index++)
        {
            int problem = index;
            jobs.Add(() => Run<double>(problem));
            jobs.Add(() => Run<float>(problem));
        }

        var sweeps = new ProblemSweep[jobs.Count];
        Parallel.For(0, jobs.Count, job => sweeps[job] = jobs[job]());
        return sweeps;
    }

    /// <summary>The verdicts of one kind.</summary>
    public IEnumerable<Verdict> Of(GradientKind kind) => Verdicts.Where(verdict => verdict.Kind == kind);

    private static ProblemSweep Run<T>(int index)
        where T : IFloatingPointIeee754<T>
    {
        var verdicts = new List<Verdict>();
        ZooProblem<T>? first = null;
        foreach (int seed in Zoo.Seeds)
        {
            ZooProblem<T> problem = Zoo.Problems<T>()[index](seed);
            first ??= problem;
            verdicts.Add(ZooSweep.CheckCorrect(problem, EngineCheck.Check));
            verdicts.AddRange(ZooSweep.CheckBugs(problem, EngineCheck.Check));
        }

        return new ProblemSweep(first!.Name, Zoo.TypeName<T>(), first.ParameterCount, first.HasKinks, verdicts);
    }
}
