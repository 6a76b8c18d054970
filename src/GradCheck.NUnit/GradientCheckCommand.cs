using NUnit.Framework.Constraints;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace GradCheck.NUnit;

/// <summary>
/// Runs a <see cref="GradientCheckAttribute"/> case: the test body first (it may be empty, or look
/// further at the report), then the gradient check of the case's tensor, whose failure is the test's
/// failure with the gradient constraint's message.
/// </summary>
internal sealed class GradientCheckCommand(TestCommand innerCommand) : DelegatingTestCommand(innerCommand)
{
    /// <inheritdoc />
    public override TestResult Execute(TestExecutionContext context)
    {
        context.CurrentResult = innerCommand.Execute(context);
        if (context.CurrentResult.ResultState.Status != TestStatus.Passed || context.CurrentTest.Arguments is not [GradientCheckCase check, ..])
        {
            return context.CurrentResult;
        }

        try
        {
            ConstraintResult result = check.ApplyGradientConstraint();
            if (!result.IsSuccess)
            {
                // The constraint's own Expected / But was message, under the case's name, as
                // Assert.That(gradient, Is.GradientOf(...), name) would write it.
                var message = new TextMessageWriter(check.Name);
                result.WriteMessageTo(message);
                context.CurrentResult.SetResult(ResultState.Failure, message.ToString());
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            context.CurrentResult.RecordException(exception);
        }

        return context.CurrentResult;
    }
}
