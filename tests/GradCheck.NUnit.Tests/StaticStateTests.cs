using GradCheck.Testing;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// The NUnit package keeps nothing writable in static fields but one registry, so checks in parallel
/// tests share nothing else: the picture files written in this run, which exists to be shared (two
/// failures must not claim one file) and is read and written under its lock only.
/// </summary>
public class StaticStateTests
{
    [Test]
    public void The_NUnit_package_has_no_writable_static_state_but_the_registry_of_picture_files() =>
        Assert.That(StaticFields.Writable(typeof(GradientSyntax).Assembly), Is.EqualTo(new[]
        {
            "GradCheck.NUnit.ReportAttachment.Claimed: a HashSet`1, which can be written",
        }));
}
