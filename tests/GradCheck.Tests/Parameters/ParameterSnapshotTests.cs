using GradCheck.Parameters;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Parameters;

public class ParameterSnapshotTests
{
    [Test]
    public void Reports_nothing_when_nothing_changed()
    {
        (TensorSet<double> parameters, _, _) = Parameters();
        var snapshot = new ParameterSnapshot<double>(parameters);
        Assert.That(snapshot.RestoreModified(), Is.Empty);
    }

    [Test]
    public void Restores_and_names_each_modified_tensor()
    {
        (TensorSet<double> parameters, double[,] w, double[] b) = Parameters();
        ulong[] wBefore = Bits.Of(w);
        ulong[] bBefore = Bits.Of(b);
        var snapshot = new ParameterSnapshot<double>(parameters);
        w[1, 0] += 1;
        b[0] = 0.0; // was -0.0: equal as a value, different in bits

        List<string> modified = snapshot.RestoreModified();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(modified, Is.EqualTo(new[] { "W", "b" }));
            Assert.That(Bits.Of(w), Is.EqualTo(wBefore));
            Assert.That(Bits.Of(b), Is.EqualTo(bBefore));
        }
    }

    [Test]
    public void Names_only_the_tensors_that_changed()
    {
        (TensorSet<double> parameters, _, double[] b) = Parameters();
        var snapshot = new ParameterSnapshot<double>(parameters);
        b[1] = double.NaN;
        Assert.That(snapshot.RestoreModified(), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void Keeps_its_copy_after_restoring_so_it_can_restore_again()
    {
        (TensorSet<double> parameters, double[,] w, _) = Parameters();
        ulong[] before = Bits.Of(w);
        var snapshot = new ParameterSnapshot<double>(parameters);
        w[0, 0] = 9;
        snapshot.RestoreModified();
        w[0, 1] = 9;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.RestoreModified(), Is.EqualTo(new[] { "W" }));
            Assert.That(Bits.Of(w), Is.EqualTo(before));
        }
    }

    private static (TensorSet<double> Set, double[,] W, double[] B) Parameters()
    {
        double[,] w = { { 1, 2 }, { 0.1, 4 } };
        double[] b = [-0.0, 3];
        TensorSet<double> set = TensorSet<double>.FromPairs(new Dictionary<string, object> { ["W"] = w, ["b"] = b }, writable: true, role: "parameter");
        return (set, w, b);
    }
}
