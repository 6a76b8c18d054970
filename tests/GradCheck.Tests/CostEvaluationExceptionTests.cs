namespace GradCheck.Tests;

public class CostEvaluationExceptionTests
{
    [Test]
    public void Names_the_point_and_what_the_cost_threw()
    {
        var inner = new InvalidOperationException("matrix is singular");
        var exception = new CostEvaluationException("W1[3,2] + h", inner);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Is.EqualTo("W1[3,2] + h"));
            Assert.That(exception.InnerException, Is.SameAs(inner));
            Assert.That(
                exception.Message,
                Is.EqualTo("The cost threw InvalidOperationException when evaluated at W1[3,2] + h: matrix is singular"));
        }
    }
}
