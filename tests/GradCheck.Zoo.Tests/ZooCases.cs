namespace GradCheck.Zoo.Tests;

/// <summary>Test case sources over the catalogue, named by problem (and type), so each shows up on its own.</summary>
internal static class ZooCases
{
    /// <summary>Every problem, by catalogue index.</summary>
    public static IEnumerable<TestCaseData> Problems() =>
        Zoo.Names.Select((name, index) => new TestCaseData(index).SetArgDisplayNames(name));

    /// <summary>Every problem in double and in float.</summary>
    public static IEnumerable<TestCaseData> ProblemsAndTypes() =>
        from type in new[] { "double", "float" }
        from pair in Zoo.Names.Select((name, index) => (name, index))
        select new TestCaseData(pair.index, type).SetArgDisplayNames(pair.name, type);

    /// <summary>The problems with kinks, in double and in float.</summary>
    public static IEnumerable<TestCaseData> KinkedProblemsAndTypes() => ProblemsAndTypesWhere(hasKinks: true);

    /// <summary>The smooth problems, in double and in float.</summary>
    public static IEnumerable<TestCaseData> SmoothProblemsAndTypes() => ProblemsAndTypesWhere(hasKinks: false);

    private static IEnumerable<TestCaseData> ProblemsAndTypesWhere(bool hasKinks) =>
        from type in new[] { "double", "float" }
        from pair in Zoo.Names.Select((name, index) => (name, index))
        where Zoo.Problems<double>()[pair.index](1).HasKinks == hasKinks
        select new TestCaseData(pair.index, type).SetArgDisplayNames(pair.name, type);

    /// <summary>One line per wrong finding, under a heading that says how many.</summary>
    public static string Listing(string heading, IReadOnlyCollection<string> findings) =>
        $"{findings.Count} {heading}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", findings);
}
