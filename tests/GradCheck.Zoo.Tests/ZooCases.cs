namespace GradCheck.Zoo.Tests;

/// <summary>Test case sources over the catalogue, named by problem (and type), so each shows up on its own.</summary>
internal static class ZooCases
{
    /// <summary>Why a verdict test of a new problem is not run by default.</summary>
    public const string AwaitingReason = "awaiting the engine: a case it does not get right yet";

    /// <summary>
    /// The environment variable that, set to 1, runs the cases of <see cref="AwaitingEngine"/> like any
    /// other (<c>GRADCHECK_ZOO_RUN_AWAITING=1 dotnet test tests/GradCheck.Zoo.Tests</c>), to see which
    /// have turned green.
    /// </summary>
    public const string RunAwaitingVariable = "GRADCHECK_ZOO_RUN_AWAITING";

    /// <summary>The problems added for the measured-noise engine, on which an engine that assumed 2 ulps of noise gave wrong verdicts on correct code.</summary>
    public static IReadOnlyList<string> MeasuredNoiseProblems { get; } =
    [
        "attention-cancelling", "solve-cancelling", "cumulative-cancelling",
        "relu-meeting-kinks", "relu-zero-init",
        "xor-small-gradient", "vanishing-gradient",
    ];

    /// <summary>
    /// The verdict tests, as <c>test/problem/type</c>, that the engine still fails on the new problems of
    /// the measured-noise engine (36 with the engine that assumed 2 ulps of noise): they are marked explicit with
    /// <see cref="AwaitingReason"/>, and the engine's author removes them from here as they turn green.
    /// Only problems of <see cref="MeasuredNoiseProblems"/> may be listed.
    /// </summary>
    public static IReadOnlySet<string> AwaitingEngine { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Planted_bugs_are_diagnosed_as_what_they_are/relu-meeting-kinks/double",
        "Planted_bugs_are_diagnosed_as_what_they_are/relu-meeting-kinks/float",
        "Planted_bugs_are_diagnosed_as_what_they_are/relu-zero-init/double",
        "Planted_bugs_are_diagnosed_as_what_they_are/relu-zero-init/float",
        "Planted_bugs_are_diagnosed_as_what_they_are/vanishing-gradient/float",
        "Planted_bugs_are_diagnosed_as_what_they_are/xor-small-gradient/float",
    };

    /// <summary>Every problem, by catalogue index.</summary>
    public static IEnumerable<TestCaseData> Problems() =>
        Zoo.Names.Select((name, index) => new TestCaseData(index).SetArgDisplayNames(name));

    /// <summary>Every problem in double and in float.</summary>
    public static IEnumerable<TestCaseData> ProblemsAndTypes() =>
        from type in new[] { "double", "float" }
        from pair in Zoo.Names.Select((name, index) => (name, index))
        select new TestCaseData(pair.index, type).SetArgDisplayNames(pair.name, type);

    /// <summary>Every problem in double and in float, for the verdict test <paramref name="test"/>: explicit where it awaits the engine.</summary>
    public static IEnumerable<TestCaseData> ProblemsAndTypesFor(string test) => Awaiting(test, ProblemsAndTypes());

    /// <summary>The problems with kinks, in double and in float, for the verdict test <paramref name="test"/>.</summary>
    public static IEnumerable<TestCaseData> KinkedProblemsAndTypesFor(string test) => Awaiting(test, ProblemsAndTypesWhere(problem => problem.HasKinks));

    /// <summary>The smooth problems, in double and in float, for the verdict test <paramref name="test"/>.</summary>
    public static IEnumerable<TestCaseData> SmoothProblemsAndTypesFor(string test) => Awaiting(test, ProblemsAndTypesWhere(problem => !problem.HasKinks));

    /// <summary>The problems with tensors built small (<see cref="ZooProblem{T}.SmallGradientTensors"/>), in double and in float, for the test <paramref name="test"/>.</summary>
    public static IEnumerable<TestCaseData> SmallGradientProblemsAndTypesFor(string test) => Awaiting(test, ProblemsAndTypesWhere(problem => problem.SmallGradientTensors.Count > 0));

    /// <summary>The cancelling sums, in double and in float.</summary>
    public static IEnumerable<TestCaseData> CancellingProblemsAndTypes() => ProblemsAndTypesWhere(problem => problem is CancellingSum<double>);

    /// <summary>The half-grid ReLU networks, by catalogue index.</summary>
    public static IEnumerable<TestCaseData> HalfGridProblems() => ProblemsWhere(problem => problem is HalfGridReluNetwork<double>);

    /// <summary>
    /// The problems whose small-gradient tensors are small but not 0 (the zero-initialised network's are
    /// exactly 0, which the resolvability test proves), by catalogue index.
    /// </summary>
    public static IEnumerable<TestCaseData> SmallGradientProblems() =>
        ProblemsWhere(problem => problem.SmallGradientTensors.Count > 0 && problem.GradientRatios().Values.All(ratio => ratio > 0));

    /// <summary>One line per wrong finding, under a heading that says how many.</summary>
    public static string Listing(string heading, IReadOnlyCollection<string> findings) =>
        $"{findings.Count} {heading}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", findings);

    private static IEnumerable<TestCaseData> ProblemsWhere(Func<ZooProblem<double>, bool> predicate) =>
        from pair in Zoo.Names.Select((name, index) => (name, index))
        where predicate(Zoo.Problems<double>()[pair.index](1))
        select new TestCaseData(pair.index).SetArgDisplayNames(pair.name);

    private static IEnumerable<TestCaseData> ProblemsAndTypesWhere(Func<ZooProblem<double>, bool> predicate) =>
        from type in new[] { "double", "float" }
        from pair in Zoo.Names.Select((name, index) => (name, index))
        where predicate(Zoo.Problems<double>()[pair.index](1))
        select new TestCaseData(pair.index, type).SetArgDisplayNames(pair.name, type);

    private static IEnumerable<TestCaseData> Awaiting(string test, IEnumerable<TestCaseData> cases)
    {
        bool runAll = Environment.GetEnvironmentVariable(RunAwaitingVariable) == "1";
        return cases.Select(data =>
        {
            string name = Zoo.Names[(int)data.Arguments[0]!];
            string type = (string)data.Arguments[1]!;
            return !runAll && AwaitingEngine.Contains($"{test}/{name}/{type}") ? data.Explicit(AwaitingReason) : data;
        });
    }
}
