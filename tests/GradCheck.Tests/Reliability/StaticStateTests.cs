using System.Collections.Frozen;
using GradCheck.Testing;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// The engine keeps nothing writable in static fields but one registry, so checks on many threads share
/// nothing else: the storage that checks are perturbing at this moment, which exists to be shared (two
/// checks of one storage must see each other) and is read and written under its lock only.
/// </summary>
public class StaticStateTests
{
    [Test]
    public void The_engine_has_no_writable_static_state_but_the_registry_of_storage_being_checked() =>
        Assert.That(StaticFields.Writable(typeof(GradientChecker).Assembly), Is.EqualTo(new[]
        {
            "GradCheck.Parameters.ParameterLease`1.Held: a List`1, which can be written",
        }));

    [Test]
    public void The_rule_finds_a_settable_field_an_array_and_a_dictionary_and_accepts_frozen_values() =>
        Assert.That(StaticFields.Writable([typeof(Shared)]), Is.EqualTo(new[]
        {
            $"{typeof(Shared).FullName}.Counter: not readonly",
            $"{typeof(Shared).FullName}.Values: an array, whose elements can be written",
            $"{typeof(Shared).FullName}.Names: a Dictionary`2, which can be written",
        }));

    /// <summary>What a check must not keep in statics, next to what it may.</summary>
    private static class Shared
    {
#pragma warning disable CA2211, CS0649, IDE0044 // The point of this class is a writable static field.
        public static int Counter;
#pragma warning restore CA2211, CS0649, IDE0044
        public static readonly double[] Values = [1.0];
        public static readonly Dictionary<string, int> Names = [];
        public static readonly FrozenSet<string> Frozen = new[] { "a" }.ToFrozenSet();
        public static readonly GradientCheckOptions Options = GradientCheckOptions.Default;
    }
}
