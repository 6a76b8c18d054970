using GradCheck.Testing;

namespace GradCheck.Shouldly.Tests;

/// <summary>The Shouldly package keeps nothing writable in static fields, so checks in parallel tests share nothing.</summary>
public class StaticStateTests
{
    [Test]
    public void The_Shouldly_package_has_no_writable_static_state() =>
        Assert.That(StaticFields.Writable(typeof(ShouldBeGradientTestExtensions).Assembly), Is.Empty);
}
