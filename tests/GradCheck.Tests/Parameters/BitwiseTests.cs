using GradCheck.Parameters;

namespace GradCheck.Tests.Parameters;

public class BitwiseTests
{
    [Test]
    public void Equal_values_with_equal_bits_are_equal()
    {
        Assert.That(Bitwise.Equal<double>([1.0, -0.0, double.NaN], [1.0, -0.0, double.NaN]), Is.True);
    }

    [Test]
    public void Negative_zero_differs_from_positive_zero()
    {
        Assert.That(Bitwise.Equal<double>([-0.0], [0.0]), Is.False);
    }

    [Test]
    public void NaNs_with_different_payloads_differ()
    {
        float quiet = float.NaN;
        float payload = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(float.NaN) | 1);
        Assert.That(Bitwise.Equal<float>([quiet], [payload]), Is.False);
    }

    [Test]
    public void A_one_ulp_difference_differs()
    {
        Assert.That(Bitwise.Equal<float>([0.1f], [MathF.BitIncrement(0.1f)]), Is.False);
    }

    [Test]
    public void Spans_of_different_lengths_differ()
    {
        Assert.That(Bitwise.Equal<double>([1.0], [1.0, 1.0]), Is.False);
    }
}
