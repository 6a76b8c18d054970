using GradCheck.Testing;

namespace GradCheck.NUnit.Tests;

/// <summary>The NUnit package keeps nothing writable in static fields, so checks in parallel tests share nothing.</summary>
public class StaticStateTests
{
    [Test]
    public void The_NUnit_package_has_no_writable_static_state() =>
        Assert.That(StaticFields.Writable(typeof(GradientSyntax).Assembly), Is.Empty);
}
