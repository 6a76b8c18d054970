using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.Zoo.Table;

/// <summary>
/// The engine's diagnoses over the zoo: every planted bug's, judged (<see cref="DiagnosisVerdicts"/>),
/// and, for the reader, what each semantic bug of seed 1 in double is diagnosed as.
/// </summary>
/// <param name="Planted">Every tensor verdict of every planted bug, every problem, seed and type.</param>
/// <param name="Semantic">Per problem and semantic bug, the diagnosis line of each failing tensor.</param>
internal sealed record DiagnosisSweep(IReadOnlyList<(string Type, DiagnosisVerdict Verdict)> Planted, IReadOnlyList<(string Problem, string Bug, string Diagnoses)> Semantic)
{
    public static DiagnosisSweep Run()
    {
        var jobs = new List<Func<IEnumerable<(string, DiagnosisVerdict)>>>();
        for (int index = 0; index < Zoo.Names.Count; index++)
        {
            int problem = index;
            jobs.Add(() => PlantedVerdicts<double>(problem));
            jobs.Add(() => PlantedVerdicts<float>(problem));
        }

        var planted = new List<(string, DiagnosisVerdict)>[jobs.Count];
        Parallel.For(0, jobs.Count, job => planted[job] = [.. jobs[job]()]);
        return new DiagnosisSweep([.. planted.SelectMany(verdicts => verdicts)], SemanticDiagnoses());
    }

    private static IEnumerable<(string, DiagnosisVerdict)> PlantedVerdicts<T>(int index)
        where T : IFloatingPointIeee754<T> =>
        Zoo.Seeds.SelectMany(seed => DiagnosisVerdicts.OfPlantedBugs(Zoo.Problems<T>()[index](seed)))
            .Select(verdict => (Zoo.TypeName<T>(), verdict));

    private static List<(string, string, string)> SemanticDiagnoses()
    {
        var lines = new List<(string, string, string)>();
        foreach (Func<int, ZooProblem<double>> factory in Zoo.Problems<double>())
        {
            ZooProblem<double> problem = factory(Zoo.Seeds[0]);
            foreach (SemanticBug<double> bug in problem.SemanticBugs)
            {
                GradientCheckReport report = GradientChecker.Check(problem.Cost, problem.Parameters, bug.Gradient());
                string diagnoses = string.Join("; ", report.FailedTensors.Select(tensor => $"{tensor.Name}: {tensor.Diagnosis}"));
                lines.Add((problem.Name, bug.Name, diagnoses));
            }
        }

        return lines;
    }
}
