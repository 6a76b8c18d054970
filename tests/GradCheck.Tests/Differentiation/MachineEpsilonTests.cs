using GradCheck.Differentiation;

namespace GradCheck.Tests.Differentiation;

public class MachineEpsilonTests
{
    [Test]
    public void Is_two_to_the_minus_52_for_double()
    {
        Assert.That(MachineEpsilon.Of<double>(), Is.EqualTo(Math.ScaleB(1.0, -52)));
    }

    [Test]
    public void Is_two_to_the_minus_23_for_float()
    {
        Assert.That(MachineEpsilon.Of<float>(), Is.EqualTo(Math.ScaleB(1.0, -23)));
    }

    [Test]
    public void Is_not_the_smallest_subnormal_that_dotnet_calls_Epsilon()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MachineEpsilon.Of<double>(), Is.Not.EqualTo(double.Epsilon));
            Assert.That(MachineEpsilon.Of<float>(), Is.Not.EqualTo((double)float.Epsilon));
        }
    }

    [Test]
    public void Is_the_gap_between_one_and_the_next_representable_number()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(1.0 + MachineEpsilon.Of<double>(), Is.EqualTo(Math.BitIncrement(1.0)));
            Assert.That(1f + (float)MachineEpsilon.Of<float>(), Is.EqualTo(MathF.BitIncrement(1f)));
        }
    }
}
