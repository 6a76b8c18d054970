using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Diagnosis;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Running;

namespace GradCheck;

/// <summary>
/// What a gradient is checked against: a cost and the parameters it is differentiated with respect
/// to. Create one with <see cref="Flat"/> (a pure cost of a vector) or <see cref="Named{TContainer}"/>
/// (named tensors the model reads in place), then check any number of gradients with <c>Check</c>.
/// </summary>
/// <typeparam name="T">The element type of the cost and the parameters: <c>float</c> or <c>double</c>.</typeparam>
[StackTraceHidden]
public sealed class GradientCheckTarget<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The name a flat parameter vector is reported under, as in <c>theta[3]</c>.</summary>
    internal const string FlatParameterName = "theta";

    /// <summary>What messages call the gradient of a flat target, which has no name of its own.</summary>
    private const string FlatGradientLabel = "The gradient";

    private readonly CheckRun check;

    private readonly string[] tensorDescriptions;

    private readonly Func<WorkerModel<T>>? workerModels;

    /// <summary>
    /// The cost and point of a pure cost of a flat vector, whose gradient is a vector (kept for
    /// <see cref="WithHessianVectorProduct"/>); null for named tensors, whose gradients are a dictionary.
    /// </summary>
    private readonly FlatCost? flatCost;

    private GradientCheckTarget(
        IReadOnlyList<string> tensorNames,
        string[] tensorDescriptions,
        CheckRun check,
        Func<WorkerModel<T>>? workerModels,
        FlatCost? flatCost)
    {
        TensorNames = tensorNames;
        this.tensorDescriptions = tensorDescriptions;
        this.check = check;
        this.workerModels = workerModels;
        this.flatCost = flatCost;
    }

    /// <summary>The parameter tensors' names, in order: <c>theta</c> for a flat target.</summary>
    public IReadOnlyList<string> TensorNames { get; }

    /// <summary>The tensors the cost reads in place, which a check perturbs; null for a flat target, whose checks perturb copies.</summary>
    internal TensorSet<T>? InPlaceParameters { get; private init; }

    /// <summary>The parameters in words, such as <c>theta (5)</c> or <c>W1 (5, 4), b1 (5, 1)</c>.</summary>
    public string Description => Describe(null);

    /// <summary>Some of the parameters in words, such as <c>W1 (5, 4)</c>.</summary>
    /// <param name="tensors">The names to describe, as <see cref="GradientCheckOptions.Tensors"/> holds them; null for all.</param>
    internal string Describe(IReadOnlyCollection<string>? tensors) =>
        string.Join(", ", tensorDescriptions.Where((_, index) => tensors is null || tensors.Contains(TensorNames[index])));

    /// <summary>
    /// A pure cost of a flat vector, checked at <paramref name="theta"/> (the shape of scipy's
    /// <c>check_grad</c>). The cost is called on a copy of theta, so theta itself is never touched.
    /// </summary>
    /// <param name="cost">The cost; it must not keep or modify the array it is given.</param>
    /// <param name="theta">The point at which to check.</param>
    /// <exception cref="ArgumentException">theta is empty.</exception>
    public static GradientCheckTarget<T> Flat(Func<T[], T> cost, T[] theta)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Length == 0)
        {
            throw new ArgumentException($"There are no parameters to check: {FlatParameterName} (0) has no entries.", nameof(theta));
        }

        return FlatWith(cost, theta, hessianVectorProduct: null);
    }

    /// <summary>
    /// This flat target with its Hessian-vector product, which the Taylor-remainder test
    /// (<see cref="CheckCoverage.TaylorRemainder"/>) then checks with the gradient: R2(h) =
    /// |J(x + h u) - J(x) - h a · u - h²/2 u · H u| must shrink as h³ (see <see cref="TaylorReport"/>).
    /// A check with another coverage throws.
    /// </summary>
    /// <param name="hessianVectorProduct">
    /// H v at x for a direction v: called once per check with copies of theta and of v, which it may keep
    /// or modify; it returns a vector as long as theta.
    /// </param>
    /// <exception cref="InvalidOperationException">The target is not flat (<see cref="Flat"/>).</exception>
    public GradientCheckTarget<T> WithHessianVectorProduct(Func<T[], T[], T[]> hessianVectorProduct)
    {
        ArgumentNullException.ThrowIfNull(hessianVectorProduct);
        if (flatCost is null)
        {
            throw new InvalidOperationException($"A Hessian-vector product of a function of two vectors goes with a flat target (GradientCheckTarget<T>.Flat), not with named tensors ({Description}).");
        }

        return FlatWith(flatCost.Cost, flatCost.Theta, hessianVectorProduct);
    }

    private static GradientCheckTarget<T> FlatWith(Func<T[], T> cost, T[] theta, Func<T[], T[], T[]>? hessianVectorProduct) =>
        new(
            [FlatParameterName],
            [$"{FlatParameterName} {Shapes.Format([theta.Length])}"],
            (gradients, options, _, backward, notes) =>
            {
                // A fresh copy per check: the user may move theta between checks, and the copy is
                // what the cost sees perturbed. Each extra worker gets a copy of its own.
                T[] point = (T[])theta.Clone();
                TensorSet<T> parameters = TensorSet<T>.Single(FlatParameterName, point, writable: true);
                Func<TensorStorage<T>[]>? aligned = backward is null ? null : () => GradientAlignment.Align(parameters, FlatGradient(backward(parameters), theta.Length), options.Tensors, transposed: []);
                gradients = FlatGradient(gradients, theta.Length);
                var transposed = new List<TransposedGradient>();
                TensorStorage<T>[] given = GradientAlignment.Align(parameters, gradients, options.Tensors, transposed);

                // Taken before the sweep moves the point; copies, so that the user's function cannot move it.
                Func<T[], T[]>? along = hessianVectorProduct is null ? null : direction => hessianVectorProduct((T[])point.Clone(), (T[])direction.Clone());
                return TransposedShape.Mark(GradientCheckRun.Run(() => cost(point), parameters, given, options, () => CopyOf(cost, point), aligned, notes, along), transposed);
            },
            workerModels: null,
            new FlatCost(cost, theta));

    /// <summary>
    /// A cost that reads named tensors in place (a model's <c>W1</c>, <c>b1</c>, ...). Each entry is
    /// perturbed in its own container and restored bit for bit afterwards.
    /// </summary>
    /// <param name="cost">The cost; it reads the tensors in <paramref name="parameters"/> on every call.</param>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    /// <exception cref="ArgumentException">There are no parameters, none has an entry, two share storage, or a container is not supported.</exception>
    public static GradientCheckTarget<T> Named<TContainer>(Func<T> cost, IEnumerable<KeyValuePair<string, TContainer>> parameters)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(parameters);
        TensorSet<T> wrapped = TensorSet<T>.FromPairs(parameters, writable: true, role: "parameter");
        ThrowIfNothingToDifferentiate(wrapped, nameof(parameters));
        return new GradientCheckTarget<T>(
            [.. wrapped.Tensors.Select(tensor => tensor.Name)],
            [.. wrapped.Tensors.Select(tensor => tensor.Name + " " + Shapes.Format(tensor.Storage.Shape))],
            (gradients, options, workerModels, backward, notes) =>
            {
                Func<TensorStorage<T>[]>? aligned = backward is null ? null : () => GradientAlignment.Align(wrapped, backward(wrapped), options.Tensors, transposed: []);
                var transposed = new List<TransposedGradient>();
                TensorStorage<T>[] given = GradientAlignment.Align(wrapped, gradients, options.Tensors, transposed);
                return TransposedShape.Mark(GradientCheckRun.Run(cost, wrapped, given, options, workerModels, aligned, notes), transposed);
            },
            workerModels: null,
            flatCost: null)
        {
            InPlaceParameters = wrapped,
        };
    }

    /// <summary>
    /// The same target, with a model per extra worker for parallel checks
    /// (<see cref="GradientCheckOptions.Workers"/>): a cost that reads named tensors in place cannot be
    /// evaluated by two threads at once, so each worker perturbs its own copy. The copies need the
    /// model's names and shapes and storage of their own; the checker gives them the model's values.
    /// A flat target needs no factory: each worker gets its own copy of theta.
    /// </summary>
    /// <param name="factory">Makes one copy, such as <c>() =&gt; { var copy = net.Copy(); return WorkerModel.Of(() =&gt; copy.Cost(x, y), copy.Parameters); }</c>.</param>
    public GradientCheckTarget<T> WithWorkerModels(Func<WorkerModel<T>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new GradientCheckTarget<T>(TensorNames, tensorDescriptions, check, factory, flatCost) { InPlaceParameters = InPlaceParameters };
    }

    /// <summary>Checks a dictionary of gradients, keyed by the parameter names or by <c>d</c> + name, against finite differences of the cost.</summary>
    /// <typeparam name="TGradient">The gradients' container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c>, <c>Memory&lt;T&gt;</c> or <c>ReadOnlyMemory&lt;T&gt;</c>.</typeparam>
    /// <param name="gradients">Name to gradient, each with its parameter's shape.</param>
    /// <param name="options">How to check; null for <see cref="GradientCheckOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The gradients' names or shapes do not match the parameters, or a parameter is not finite.</exception>
    /// <exception cref="CostEvaluationException">The cost threw; every parameter has been restored.</exception>
    public GradientCheckReport Check<TGradient>(IReadOnlyDictionary<string, TGradient> gradients, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        return Run(TensorSet<T>.FromPairs(gradients, writable: false, role: "gradient"), options ?? GradientCheckOptions.Default, backward: null, notes: []);
    }

    /// <summary>Checks the gradient vector of a flat target (<see cref="Flat"/>) against finite differences of the cost.</summary>
    /// <param name="gradient">The gradient, one entry per entry of theta.</param>
    /// <param name="options">How to check; null for <see cref="GradientCheckOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The target's parameters are named tensors, the gradient is not as long as theta, or theta is not finite.</exception>
    /// <exception cref="CostEvaluationException">The cost threw; theta is never touched.</exception>
    public GradientCheckReport Check(T[] gradient, GradientCheckOptions? options = null) => CheckVector(gradient, options);

    /// <inheritdoc cref="Check(T[], GradientCheckOptions)"/>
    public GradientCheckReport Check(ReadOnlyMemory<T> gradient, GradientCheckOptions? options = null) => CheckVector(gradient, options);

    /// <inheritdoc cref="Check(T[], GradientCheckOptions)"/>
    public GradientCheckReport Check(Tensor<T> gradient, GradientCheckOptions? options = null) => CheckVector(gradient, options);

    /// <summary>Checks gradients already wrapped, such as an assertion's actual value read by <see cref="ActualGradients"/>.</summary>
    /// <param name="gradients">The gradients.</param>
    /// <param name="options">How to check.</param>
    internal GradientCheckReport CheckGradients(TensorSet<T> gradients, GradientCheckOptions options) =>
        Run(gradients, options, backward: null, notes: []);

    /// <summary>
    /// Checks <paramref name="gradients"/>, which <paramref name="backward"/> returned at the given point,
    /// and re-checks the entries not checkable there at a point nudged off the ties, running
    /// <paramref name="backward"/> there (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>).
    /// </summary>
    /// <param name="gradients">The gradients at the given point.</param>
    /// <param name="options">How to check.</param>
    /// <param name="backward">
    /// The backward pass at the parameters it is given, as they are: for a flat target, the check's own
    /// copy of theta, which the backward pass must not keep or modify; a named target's tensors are the
    /// ones it reads in place anyway.
    /// </param>
    /// <param name="notes">What else the report must say to reproduce the check (<see cref="GradientCheckReport.Notes"/>).</param>
    internal GradientCheckReport CheckWithBackward(TensorSet<T> gradients, GradientCheckOptions options, Func<TensorSet<T>, TensorSet<T>> backward, IReadOnlyList<string> notes) =>
        Run(gradients, options, backward, notes);

    /// <summary>The actual value of an assertion as gradients: a vector for a flat target, a dictionary of tensors for a named one.</summary>
    internal TensorSet<T> ActualGradients(object actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return flatCost is not null && !TensorSet<T>.IsNamedTensors(actual)
            ? FlatGradientSet(actual)
            : TensorSet<T>.FromNamedTensors(actual, writable: false, role: "gradient");
    }

    private GradientCheckReport CheckVector(object gradient, GradientCheckOptions? options)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        if (flatCost is null)
        {
            throw new ArgumentException(
                $"The parameters are named tensors ({Description}): pass their gradients as a dictionary keyed by the parameter names or by d + name, not a {TypeNames.Friendly(gradient.GetType())}.",
                nameof(gradient));
        }

        return Run(FlatGradientSet(gradient), options ?? GradientCheckOptions.Default, backward: null, notes: []);
    }

    /// <summary>A flat target's gradient vector, named as the flat form's messages name it.</summary>
    private static TensorSet<T> FlatGradientSet(object gradient) =>
        TensorSet<T>.Single(FlatParameterName, gradient, writable: false, label: FlatGradientLabel);

    /// <summary>Runs the check; bad input the library found is thrown again from here, with the library's frames left out (<see cref="InputError"/>).</summary>
    private GradientCheckReport Run(TensorSet<T> gradients, GradientCheckOptions options, Func<TensorSet<T>, TensorSet<T>>? backward, IReadOnlyList<string> notes)
    {
        try
        {
            return check(gradients, options, workerModels, backward, notes);
        }
        catch (ArgumentException error) when (InputError.ThrownBy(error, typeof(InputError).Assembly))
        {
            throw InputError.Rethrown(error);
        }
    }

    /// <summary>
    /// The gradient of a flat cost, refused in the flat form's own words when it has another shape than
    /// theta: it has no name of its own, and "gradient 'theta'" would name neither.
    /// </summary>
    private static TensorSet<T> FlatGradient(TensorSet<T> gradients, int thetaLength)
    {
        TensorStorage<T> storage = gradients.Tensors[0].Storage;
        if (storage.Length != thetaLength || storage.Shape.Length != 1)
        {
            throw new ArgumentException(
                $"The gradient has shape {Shapes.Format(storage.Shape)} but {FlatParameterName}, the point it is the gradient at, has shape {Shapes.Format([thetaLength])}: " +
                "the gradient of a cost of a flat vector is a vector with one entry per entry of it (a T[], or a Tensor<T> or Memory<T> of one dimension).");
        }

        return gradients;
    }

    /// <summary>
    /// Holds the parameters for a check that runs the backward pass itself, from before that pass until
    /// the check's end, waiting while another check perturbs them (<see cref="ParameterLease{T}"/>);
    /// null for a flat target, whose checks perturb copies.
    /// </summary>
    internal ParameterLease<T>? HoldForBackward(CancellationToken cancellation) =>
        InPlaceParameters is null ? null : ParameterLease<T>.WaitFor(InPlaceParameters, cancellation);

    /// <summary>
    /// Refuses parameters with no entry to differentiate, before the cost is called: a check that passed on
    /// nothing would hide a mistake in the test. One empty tensor beside others (a layer of width 0) is
    /// checked as a tensor with no entries.
    /// </summary>
    private static void ThrowIfNothingToDifferentiate(TensorSet<T> parameters, string parameterName)
    {
        if (parameters.Tensors.Count == 0)
        {
            throw new ArgumentException("There are no parameters to check: the parameter dictionary is empty.", parameterName);
        }

        if (parameters.Tensors.All(tensor => tensor.Storage.Length == 0))
        {
            throw new ArgumentException(
                $"There are no parameters to check: {string.Join(", ", parameters.Tensors.Select(tensor => tensor.Name + " " + Shapes.Format(tensor.Storage.Shape)))} " +
                $"{(parameters.Tensors.Count == 1 ? "has" : "have")} no entries.",
                parameterName);
        }
    }

    /// <summary>One check of a gradient against this target's cost.</summary>
    /// <param name="gradients">The gradients, wrapped.</param>
    /// <param name="options">How to check.</param>
    /// <param name="workerModels">The models of the extra workers, if the target has them.</param>
    /// <param name="backward">The backward pass at the parameters it is given, for the re-check at a nudged point; null when the check has only the gradient.</param>
    /// <param name="notes">What else the report must say.</param>
    private delegate GradientCheckReport CheckRun(TensorSet<T> gradients, GradientCheckOptions options, Func<WorkerModel<T>>? workerModels, Func<TensorSet<T>, TensorSet<T>>? backward, IReadOnlyList<string> notes);

    private static WorkerModel<T> CopyOf(Func<T[], T> cost, T[] point)
    {
        T[] copy = (T[])point.Clone();
        return new WorkerModel<T>(() => cost(copy), TensorSet<T>.Single(FlatParameterName, copy, writable: true));
    }

    /// <summary>A flat target's cost and the point it is checked at.</summary>
    private sealed record FlatCost(Func<T[], T> Cost, T[] Theta);
}
