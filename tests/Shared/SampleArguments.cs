using System.Numerics.Tensors;
using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Diagnosis;
using GradCheck.Differentiation;
using GradCheck.Layers;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck.Testing;

/// <summary>
/// A valid argument of each type the public API takes, made fresh for every call, and instances for
/// its instance members: what <see cref="NullArgumentSweep"/> passes in every parameter but the one
/// that is null. The samples agree with one another, so that with no null at all every call is
/// accepted: one tensor <c>w = [1, 2]</c> under the name <c>"w"</c> (the sample <c>string</c>, so that a
/// method taking a tensor's name is given one), the cost J = |w|²/2 of it, whose gradient is w itself,
/// and that gradient.
/// </summary>
public sealed class SampleArguments
{
    /// <summary>The name of the one tensor, and the sample of every <c>string</c>.</summary>
    public const string TensorName = "theta";

    private readonly Dictionary<Type, Func<object>> samples = [];

    private SampleArguments() => Parameters = new Dictionary<string, double[]> { [TensorName] = Point() };

    /// <summary>The named parameter tensor, read in place by <see cref="Cost"/>.</summary>
    public Dictionary<string, double[]> Parameters { get; }

    /// <summary>The point both flat and named checks are made at.</summary>
    public static double[] Point() => [1.0, 2.0];

    /// <summary>J(x) = |x|²/2, whose gradient is x.</summary>
    public static double HalfSquaredNorm(double[] x) => x.Sum(value => value * value) / 2;

    /// <summary>The gradient of <see cref="HalfSquaredNorm"/>, a copy of x; as a vector function, its Jacobian is the identity.</summary>
    public static double[] Identity(double[] x) => [.. x];

    /// <summary>J of the named tensor.</summary>
    public double Cost() => HalfSquaredNorm(Parameters[TensorName]);

    /// <summary>The right gradient of <see cref="Cost"/>, keyed by the tensor's name.</summary>
    public Dictionary<string, double[]> Gradients() => new() { [TensorName] = Identity(Parameters[TensorName]) };

    /// <summary>A passing report of the flat check of J at <see cref="Point"/>.</summary>
    public static GradientCheckReport Report() => GradientChecker.Check(HalfSquaredNorm, Point(), Point());

    /// <summary>The samples of the engine's types (GradCheck), which the adapters' sweeps extend with their own.</summary>
    public static SampleArguments ForEngine()
    {
        var made = new SampleArguments();
        return made
            .Add(() => TensorName)
            .Add<object>(made.Gradients)
            .Add<Type>(() => typeof(SampleArguments))
            .Add<Exception>(() => new InvalidOperationException("The cost failed."))
            .Add<TextWriter>(() => new StringWriter())
            .Add(Point)
            .Add(() => new double[,] { { 1, 0 }, { 0, 1 } })
            .Add<Func<double[], double>>(() => HalfSquaredNorm)
            .Add<Func<double[], double[]>>(() => Identity)
            .Add<Func<double[], double[], double[]>>(() => (_, direction) => direction)
            .Add<Func<double>>(() => made.Cost)
            .Add<Func<float[], float>>(() => static t => t.Sum(value => value * value) / 2)
            .Add<Func<float[], float[]>>(() => static x => [.. x])
            .Add<Func<float>>(() => static () => 1f)
            .Add<IEnumerable<KeyValuePair<string, double[]>>>(() => made.Parameters)
            .Add<IReadOnlyDictionary<string, double[]>>(made.Gradients)
            .Add<Func<IReadOnlyDictionary<string, double[]>>>(() => made.Gradients)
            .Add<Func<WorkerModel<double>>>(() => () =>
            {
                var copy = new Dictionary<string, double[]> { [TensorName] = Point() };
                return WorkerModel.Of(() => HalfSquaredNorm(copy[TensorName]), copy);
            })
            .Add(() => GradientCheckOptions.Default)
            .Add(() => GradientTolerance.Automatic)
            .Add(() => CheckCoverage.EveryEntry)
            .Add(Report)
            .Add(() => Report().Tensors[0])
            .Add<IReadOnlyList<DirectionReport>>(() => [])
            .Add<IReadOnlyList<EntryReport>>(() => [])
            .Add<IReadOnlyList<string>>(() => [])
            // Flat, whose parameter is named theta: it checks a vector and a dictionary keyed theta alike.
            .Add(() => GradientCheckTarget<double>.Flat(HalfSquaredNorm, Point()))
            .Add(() => Tensor.Create(Point()))
            .Add(() => new ReadOnlyMemory<double>(Point()))
            .Add(() => GradientProblem.Create("Sample", made.Parameters, made.Cost, made.Gradients))
            .Add(() => Layer.Of<double[], double[]>(Point(), Identity, Identity));
    }

    /// <summary>Adds (or replaces) the sample of <typeparamref name="TValue"/>: exactly that type, as a parameter declares it.</summary>
    public SampleArguments Add<TValue>(Func<TValue> sample)
        where TValue : notnull
    {
        samples[typeof(TValue)] = () => sample();
        return this;
    }

    public bool Has(Type type) => samples.ContainsKey(type);

    /// <summary>A new sample of <paramref name="type"/>.</summary>
    public object Create(Type type) => samples[type]();
}
