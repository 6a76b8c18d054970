using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Execution;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// Builds and runs a sample fixture the way the NUnit runner does, in this process, and returns its
/// results, so that tests can assert on cases that are meant to fail or not to run (the fixtures
/// live in GradCheck.NUnit.Samples, which no test run discovers).
/// </summary>
internal static class FixtureRunner
{
    /// <summary>The fixture's tests as discovery builds them, with their run states and names.</summary>
    public static IReadOnlyList<Test> Discover(Type fixture) =>
        [.. Build(fixture).Tests.Cast<Test>().SelectMany(test => test is ParameterizedMethodSuite suite ? suite.Tests.Cast<Test>() : [test])];

    /// <summary>Every test case's result, by the case's name.</summary>
    public static Dictionary<string, ITestResult> Run(Type fixture)
    {
        TestSuite suite = Build(fixture);
        WorkItem work = WorkItemBuilder.CreateWorkItem(suite, TestFilter.Empty, recursive: true)!;
        work.InitializeContext(new TestExecutionContext { Dispatcher = new InlineDispatcher() });
        work.Execute();
        SpinWait.SpinUntil(() => work.State == WorkItemState.Complete);
        return Leaves(work.Result).ToDictionary(result => result.Test.Name);
    }

    /// <summary>
    /// Every test case's result, by the case's name, with the fixture run as NUnit's runner runs a
    /// parallel suite: its <c>[Parallelizable]</c> cases spread over <paramref name="workers"/> worker threads.
    /// </summary>
    public static Dictionary<string, ITestResult> RunInParallel(Type fixture, int workers)
    {
        TestSuite suite = Build(fixture);
        WorkItem work = WorkItemBuilder.CreateWorkItem(suite, TestFilter.Empty, recursive: true)!;
        var dispatcher = new ParallelWorkItemDispatcher(workers);
        work.InitializeContext(new TestExecutionContext { Dispatcher = dispatcher });
        dispatcher.Start(work);
        SpinWait.SpinUntil(() => work.State == WorkItemState.Complete);
#if NUNIT4
        dispatcher.CancelRun(force: false);
#else
        dispatcher.CancelRun();
#endif
        return Leaves(work.Result).ToDictionary(result => result.Test.Name);
    }

    /// <summary>Runs every work item at once on the calling thread.</summary>
    private sealed class InlineDispatcher : IWorkItemDispatcher
    {
        public int LevelOfParallelism => 0;

        public void Start(WorkItem topLevelWorkItem) => topLevelWorkItem.Execute();

        public void Dispatch(WorkItem work) => work.Execute();

        // NUnit 5's member; NUnit 4's takes a flag. Either one implements the interface of the NUnit built against.
        public void CancelRun()
        {
        }

        public void CancelRun(bool force)
        {
        }
    }

    private static TestSuite Build(Type fixture) => new DefaultSuiteBuilder().BuildFrom(new TypeWrapper(fixture));

    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.HasChildren ? result.Children.SelectMany(Leaves) : [result];
}
