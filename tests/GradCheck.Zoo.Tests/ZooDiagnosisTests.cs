using System.Numerics;

namespace GradCheck.Zoo.Tests;

/// <summary>
/// The zoo judges the diagnosis: every structural bug planted in every tensor of every problem, over
/// seeds 1 to 20 in double and float, must be diagnosed as the kind of mistake it is (a factor 2 as
/// 2.000x, a transposed store as transposed, a swap as a swap naming the other tensor, ...), no
/// tensor left untouched may carry a diagnosis, and no correct gradient may get one.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ZooDiagnosisTests
{
    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.ProblemsAndTypesFor), new object[] { nameof(Planted_bugs_are_diagnosed_as_what_they_are) })]
    public void Planted_bugs_are_diagnosed_as_what_they_are(int index, string type)
    {
        // Bugs below a float difference's resolution (DiagnosisVerdict.IsBelowResolution) cannot be
        // diagnosed from numbers that do not show them; they are counted apart.
        List<DiagnosisVerdict> verdicts = type == "double" ? Verdicts<double>(index) : Verdicts<float>(index);
        List<string> wrong = [.. verdicts.Where(verdict => !verdict.IsRight && !verdict.IsBelowResolution).Select(verdict => $"seed {verdict.Seed}: {verdict.Bug}: {verdict.Wrong}")];
        Assert.That(verdicts, Is.Not.Empty);
        Assert.That(wrong, Is.Empty, () => ZooCases.Listing($"of {verdicts.Count} tensor diagnoses of planted bugs in {Zoo.Names[index]} ({type}) wrong", wrong));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.ProblemsAndTypesFor), new object[] { nameof(Correct_gradients_get_no_diagnosis) })]
    public void Correct_gradients_get_no_diagnosis(int index, string type)
    {
        List<string> diagnosed = type == "double" ? DiagnosedCorrect<double>(index) : DiagnosedCorrect<float>(index);
        Assert.That(diagnosed, Is.Empty, () => ZooCases.Listing($"correct tensors of {Zoo.Names[index]} ({type}) with a diagnosis", diagnosed));
    }

    private static List<DiagnosisVerdict> Verdicts<T>(int index)
        where T : IFloatingPointIeee754<T> =>
        [.. Zoo.Seeds.SelectMany(seed => DiagnosisVerdicts.OfPlantedBugs(Zoo.Problems<T>()[index](seed)))];

    private static List<string> DiagnosedCorrect<T>(int index)
        where T : IFloatingPointIeee754<T> =>
        [.. Zoo.Seeds
            .SelectMany(seed =>
            {
                ZooProblem<T> problem = Zoo.Problems<T>()[index](seed);
                return GradientChecker.Check(problem.Cost, problem.Parameters, problem.Gradient()).Tensors
                    .Where(tensor => tensor.Diagnosis is not null)
                    .Select(tensor => $"seed {seed}: {tensor.Name}: {tensor.Diagnosis}");
            })];
}
