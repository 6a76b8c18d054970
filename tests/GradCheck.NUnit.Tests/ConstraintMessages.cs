using NUnit.Framework.Constraints;
using NUnit.Framework.Internal;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// Applies a constraint the way Assert.That does and returns the outcome and the failure message
/// NUnit would print, without failing the calling test.
/// </summary>
internal static class ConstraintMessages
{
    public static (bool Passed, string Message) Apply(IResolveConstraint constraint, object actual)
    {
        ConstraintResult result = constraint.Resolve().ApplyTo(actual);
        var writer = new TextMessageWriter();
        result.WriteMessageTo(writer);
        return (result.IsSuccess, writer.ToString());
    }
}
