using GradCheck.Parameters;

namespace GradCheck.Tests.Parameters;

public class TypeNamesTests
{
    [TestCase(typeof(double), "double")]
    [TestCase(typeof(float[]), "float[]")]
    [TestCase(typeof(double[,]), "double[,]")]
    [TestCase(typeof(float[,,]), "float[,,]")]
    [TestCase(typeof(double[][]), "double[][]")]
    [TestCase(typeof(List<float>), "List<float>")]
    [TestCase(typeof(Memory<Half>), "Memory<Half>")]
    public void Writes_types_the_way_CSharp_does(Type type, string expected)
    {
        Assert.That(TypeNames.Friendly(type), Is.EqualTo(expected));
    }
}
