using CsCheck;
using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Differentiation;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// The raw choices behind a <see cref="GradientCheckOptions"/>: rule, tolerance, kinks, entries shown,
/// batch size, coverage, workers and tensors. <see cref="Build"/> makes the options, and may throw the
/// argument exceptions the options document when a choice is out of range (<see cref="Any"/> draws such
/// choices on purpose; <see cref="Valid"/> never does).
/// </summary>
internal sealed record OptionsDraw(
    DifferenceMethod Method,
    int ToleranceKind,
    double Absolute,
    double Relative,
    bool KinksFail,
    int WorstEntriesShown,
    int BatchSize,
    CoverageKind Coverage,
    int CoverageCount,
    int CoverageSeed,
    int EntriesLocalised,
    int Workers,
    int TensorsKind)
{
    /// <summary>Choices in range, the defaults most of the time.</summary>
    public static readonly Gen<OptionsDraw> Valid = Draw(
        Gen.Enum<DifferenceMethod>(),
        Gen.Double[-12, 0].Select(exponent => Math.Pow(10, exponent)),
        Gen.Frequency((3, Gen.Const(GradientCheckOptions.DefaultWorstEntriesShown)), (1, Gen.Int[1, 10])),
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[1, 5])),
        Gen.Int[1, 70],
        Gen.Int[1, 9],
        Gen.Frequency((3, Gen.Const(1)), (1, Gen.Int[2, 3])),
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Const(1))));

    /// <summary>Any choices: counts of 0 or -1, tolerances negative, NaN or infinite, an undefined rule, tensors that do not exist.</summary>
    public static readonly Gen<OptionsDraw> Any = Draw(
        Gen.Frequency((8, Gen.Enum<DifferenceMethod>()), (1, Gen.Int[2, 99].Select(value => (DifferenceMethod)value))),
        Gen.Frequency((6, Gen.Double[-12, 0].Select(exponent => Math.Pow(10, exponent))), (1, Gen.OneOf(0.0, -1e-3, double.NaN, double.PositiveInfinity, double.MaxValue, double.Epsilon))),
        Gen.Int[-1, 10],
        Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[-1, 5])),
        Gen.Int[-1, 70],
        Gen.Int[-1, 9],
        Gen.Frequency((4, Gen.Const(1)), (1, Gen.Int[0, 3])),
        Gen.Int[0, 3]);

    /// <summary>The options; may throw ArgumentException (ArgumentOutOfRangeException) when a choice is out of range.</summary>
    /// <param name="firstTensor">The name options that name one tensor give: <c>theta</c> for a flat target.</param>
    public GradientCheckOptions Build(string firstTensor = GradientCheckTarget<double>.FlatParameterName) => new()
    {
        Method = Method,
        Tolerance = ToleranceKind switch
        {
            0 => GradientTolerance.Automatic,
            1 => GradientTolerance.Within(Absolute),
            _ => GradientTolerance.Within(Absolute, Relative),
        },
        KinksFail = KinksFail,
        WorstEntriesShown = WorstEntriesShown,
        BatchSize = BatchSize == 0 ? null : BatchSize,
        Coverage = Coverage switch
        {
            CoverageKind.RandomDirections => CheckCoverage.RandomDirections(CoverageCount, CoverageSeed, EntriesLocalised),
            CoverageKind.SampledEntries => CheckCoverage.SampledEntries(CoverageCount, CoverageSeed),
            _ => CheckCoverage.EveryEntry,
        },
        Workers = Workers,
        Tensors = TensorsKind switch
        {
            0 => null,
            1 => [firstTensor],
            2 => ["W"],
            _ => [],
        },
    };

    /// <summary>Whether the options name a tensor that does not exist, or none.</summary>
    public bool NamesAMissingTensor => TensorsKind >= 2;

    private static Gen<OptionsDraw> Draw(
        Gen<DifferenceMethod> method,
        Gen<double> tolerance,
        Gen<int> worstEntriesShown,
        Gen<int> batchSize,
        Gen<int> coverageCount,
        Gen<int> entriesLocalised,
        Gen<int> workers,
        Gen<int> tensors) =>
        Gen.Select(
            Gen.Select(method, Gen.Frequency((2, Gen.Const(0)), (1, Gen.Int[1, 2])), tolerance, tolerance, Gen.Bool),
            Gen.Select(worstEntriesShown, batchSize, Gen.Frequency((3, Gen.Const(CoverageKind.EveryEntry)), (1, Gen.Enum<CoverageKind>())), coverageCount, Gen.Int),
            Gen.Select(entriesLocalised, workers, tensors),
            (first, second, third) => new OptionsDraw(
                first.Item1, first.Item2, first.Item3, first.Item4, first.Item5,
                second.Item1, second.Item2, second.Item3, second.Item4, second.Item5,
                third.Item1, third.Item2, third.Item3));
}
