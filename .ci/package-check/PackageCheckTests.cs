// The test .ci/run adds to a project made by `dotnet new nunit` (with the template's own NUnit and
// test adapter), after adding GradCheck.NUnit from a local feed of the packages it has just packed:
// the path a new user takes, run in CI. It is not part of the solution.
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using GradCheck.NUnit;

namespace MyNet.Tests;

public class PackageCheckTests
{
    private static readonly double[] X = [0.5, -1.0, 2.0];

    // A softmax regression with 2 classes and 3 features: W (2, 3), b (2), cost = -log p[label].
    private static double Cost(double[,] w, double[] b, int label)
    {
        double[] z = [b[0], b[1]];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                z[i] += w[i, j] * X[j];
            }
        }

        double max = Math.Max(z[0], z[1]);
        double log = max + Math.Log(Math.Exp(z[0] - max) + Math.Exp(z[1] - max));
        return log - z[label];
    }

    private static (double[,] DW, double[] Db) Backward(double[,] w, double[] b, int label)
    {
        double[] z = [b[0], b[1]];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                z[i] += w[i, j] * X[j];
            }
        }

        double max = Math.Max(z[0], z[1]);
        double e0 = Math.Exp(z[0] - max), e1 = Math.Exp(z[1] - max);
        double[] delta = [e0 / (e0 + e1) - (label == 0 ? 1 : 0), e1 / (e0 + e1) - (label == 1 ? 1 : 0)];
        var dw = new double[2, 3];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                dw[i, j] = delta[i] * X[j];
            }
        }

        return (dw, delta);
    }

    [Test]
    public void A_correct_backward_pass_passes_and_a_planted_bug_fails_with_its_name()
    {
        double[,] w = { { 0.1, -0.2, 0.3 }, { 0.4, 0.5, -0.6 } };
        double[] b = [0.05, -0.05];
        var parameters = new Dictionary<string, object> { ["W"] = w, ["b"] = b };
        (double[,] dw, double[] db) = Backward(w, b, label: 1);

        Assert.That(new Dictionary<string, object> { ["dW"] = dw, ["db"] = db },
            Is.GradientOf(() => Cost(w, b, label: 1)).WithRespectTo(parameters));

        var doubled = new Dictionary<string, object> { ["dW"] = dw, ["db"] = db.Select(v => 2 * v).ToArray() };
        var failure = Assert.Throws<AssertionException>(() =>
            Assert.That(doubled, Is.GradientOf(() => Cost(w, b, label: 1)).WithRespectTo(parameters)));
        Assert.That(failure!.Message, Does.Contain("b: every entry is 2.000x the numerical gradient"));
    }

    [TestCase("GradCheck")]
    [TestCase("GradCheck.NUnit")]
    public void The_assembly_embeds_its_pdb_with_source_link_to_the_repository(string assemblyName)
    {
        string path = Assembly.Load(assemblyName).Location;
        using var pe = new PEReader(File.OpenRead(path));
        DebugDirectoryEntry embedded = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using MetadataReaderProvider pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        MetadataReader reader = pdb.GetMetadataReader();
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        string sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
            .Select(info => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .Single();
        Assert.That(sourceLink, Does.Contain("https://raw.githubusercontent.com/gradcheck/GradCheck.NUnit/"));
        Assert.That(reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name)),
            Has.Some.StartsWith("/_/src/"), "a deterministic build maps the source paths to /_/");
    }
}
