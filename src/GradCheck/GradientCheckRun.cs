using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Nudging;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Running;
using GradCheck.Taylor;

namespace GradCheck;

/// <summary>
/// One check, start to end: validate, snapshot, evaluate the cost at the given point (twice, to
/// catch a cost that is not deterministic), set up the workers' models, differentiate what the
/// coverage asks for, evaluate once more, restore, compare; where the backward pass is known, re-check
/// the entries not checkable at the given point at a point nudged off the ties; report.
/// </summary>
internal static class GradientCheckRun
{
    /// <summary>Runs one check.</summary>
    /// <param name="cost">The cost, reading <paramref name="parameters"/>.</param>
    /// <param name="parameters">The parameters, perturbed in place and restored bit for bit.</param>
    /// <param name="gradients">The analytic gradients, aligned with the parameters.</param>
    /// <param name="options">How to check.</param>
    /// <param name="workerModels">Makes a model per extra worker when <see cref="GradientCheckOptions.Workers"/> is above 1; null when the target has none.</param>
    /// <param name="backward">
    /// The backward pass at the parameters as they are, aligned with them, for the re-check at a nudged
    /// point (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>); null when the check has only the gradient.
    /// </param>
    /// <param name="notes">What else the report must say to reproduce the check (<see cref="GradientCheckReport.Notes"/>).</param>
    /// <param name="hessianVectorProduct">For a single tensor, H v at the given point for a direction v over it: the Taylor test then reads R2; null otherwise.</param>
    public static GradientCheckReport Run<T>(
        Func<T> cost,
        TensorSet<T> parameters,
        TensorStorage<T>[] gradients,
        GradientCheckOptions options,
        Func<WorkerModel<T>>? workerModels,
        Func<TensorStorage<T>[]>? backward = null,
        IReadOnlyList<string>? notes = null,
        Func<T[], T[]>? hessianVectorProduct = null)
        where T : IFloatingPointIeee754<T>
    {
        notes ??= [];
        if (hessianVectorProduct is not null && options.Coverage.Kind != CoverageKind.TaylorRemainder)
        {
            throw new ArgumentException(
                $"A Hessian-vector product is read only by the Taylor-remainder test, but the coverage is {options.Coverage}: set GradientCheckOptions.Coverage = CheckCoverage.TaylorRemainder(seed) (ByTaylorRemainder(seed) in NUnit).",
                nameof(options));
        }


        // Before anything reads the parameters: another check may have an entry of them moved.
        using ParameterLease<T> lease = ParameterLease<T>.Take(parameters);
        ThrowIfNotFinite(parameters);
        int[] selected = SelectedTensors(parameters, options.Tensors);
        bool alongDirections = options.Coverage.Kind is CoverageKind.RandomDirections or CoverageKind.TaylorRemainder;
        bool parallel = options.Workers > 1 && !alongDirections;
        if (parallel && workerModels is null)
        {
            throw new ArgumentException(
                $"GradientCheckOptions.Workers is {options.Workers}, but the cost reads its parameters in place, so two threads cannot evaluate it at once: " +
                "give each worker its own model with GradientCheckTarget<T>.WithWorkerModels (InParallel(workerModel) in NUnit), or set Workers = 1.",
                nameof(options));
        }

        double epsilon = MachineEpsilon.Of<T>();
        var method = new NumericalMethod(TypeNames.Friendly(typeof(T)), options.Method, StepSize.RelativeStep<T>(options.Method), epsilon)
        {
            // The fast and Taylor checks measure directions and localise a few entries with every point of the rule.
            Staged = !alongDirections,
        };
        var comparison = new ComparisonRule(options.Tolerance, epsilon, options.KinksFail);
        int[]?[] entries = EntriesToDifferentiate(selected, parameters, options.Coverage);
        AnalyticGradient<T>[] analytic = [.. selected.Select((position, t) => Analytic(parameters.Tensors[position].Name, gradients[position], entries[t], options.Coverage))];
        long total = Enumerable.Range(0, selected.Length).Sum(t => (long)(entries[t]?.Length ?? analytic[t].Length));
        ProgressMeter? meter = null;
        var snapshot = new ParameterSnapshot<T>(parameters);
        var numerics = new NumericalGradient[selected.Length];
        var directions = new DirectionReport[selected.Length][];
        var taylors = new TaylorReport?[selected.Length];
        var obstacles = new List<CheckObstacle>();
        var entriesJudged = new TensorEntries[selected.Length];
        NudgedRecheck? recheck = null;
        bool rechecking = false;
        CancellationToken cancellation = options.CancellationToken;
        double baseCost = double.NaN;

        // The evaluations at the given point are counted here; those of the differentiation and the
        // re-check as they happen, on every worker (not the workers' set-up, which a serial check has not).
        long evaluations = 0;
        var counter = new EvaluationCounter();
        try
        {
            baseCost = CostEvaluation.At(cost, "the given parameters (before any perturbation)", cancellation);
            double again = CostEvaluation.At(cost, "the given parameters (evaluated a second time)", cancellation);
            evaluations += 2;
            AddIfModified(obstacles, snapshot.RestoreModified());

            // Judged only if the parameters stayed put: had they moved between the two evaluations, that,
            // not chance, would be why the values differ.
            if (obstacles.Count == 0 &&
                (GivenPointObstacles.NotFinite([baseCost], EvaluatedFunction.Cost) ??
                 GivenPointObstacles.NotDeterministic([baseCost], [again], EvaluatedFunction.Cost, "evaluated twice at the same parameters", epsilon)) is { } givenPointObstacle)
            {
                obstacles.Add(givenPointObstacle);
            }

            WorkerModel<T>[] workers = [new WorkerModel<T>(cost, parameters)];
            if (obstacles.Count == 0 && parallel)
            {
                workers = WorkerModels.Create(workers[0], snapshot, lease, workerModels!, options.Workers, baseCost, epsilon, obstacles, cancellation);
                if (obstacles.Count == 0 && WorkerModels.ReadOwnParameters(workers, selected, analytic, baseCost, method.RelativeStep, epsilon, cancellation) is { } notOwn)
                {
                    obstacles.Add(notOwn);
                }
            }

            if (obstacles.Count > 0)
            {
                return new GradientCheckReport([], obstacles, method, options, baseCost, evaluations) { Notes = notes };
            }

            // Started here, so that the time left is that of the entries alone.
            meter = new ProgressMeter(options.Progress, total, options.Clock);
            var rule = new EntryRule<T>(options.Method, baseCost, cancellation);
            Differentiate([.. workers.Select(counter.Counting)], snapshot, selected, entries, analytic, rule, comparison, options.Coverage, meter, numerics, directions, taylors, hessianVectorProduct);

            AddIfModified(obstacles, snapshot.RestoreModified());
            foreach (WorkerModel<T> worker in workers.AsSpan(1))
            {
                // A worker's cost that writes to its own model skews that worker's entries alike.
                AddIfModified(obstacles, snapshot.RestoreModified(worker.Parameters));
            }

            double after = CostEvaluation.At(cost, "the given parameters (after the check)", cancellation);
            evaluations++;
            AddIfModified(obstacles, snapshot.RestoreModified());
            if (obstacles.Count == 0 && GivenPointObstacles.NotDeterministic([baseCost], [after], EvaluatedFunction.Cost, "at the start of the check and again at its end", epsilon) is { } changed)
            {
                obstacles.Add(changed);
            }

            for (int t = 0; t < selected.Length; t++)
            {
                entriesJudged[t] = GradientComparison.JudgeEntries(analytic[t], numerics[t], comparison);
            }

            if (obstacles.Count == 0 && backward is not null && options.RecheckAtNudgedPoint)
            {
                rechecking = true;
                recheck = RecheckNotCheckable(counter.Counting(cost), parameters, snapshot, selected, entriesJudged, backward, comparison, options);
            }
        }
        catch (GradientWrittenException written)
        {
            // Read in place by a partial check, the gradient is the user's: what the cost wrote there stays.
            obstacles.Add(ModifiedGradient(written.Tensor));
            return new GradientCheckReport([], obstacles, method, options, baseCost, evaluations + counter.Count) { Notes = notes };
        }
        catch (ParameterWrittenException written)
        {
            // The finally below restores the entry; the values measured so far are at points the check did not choose.
            obstacles.Add(ModifiedParameters([written.Tensor], written.Message));
            return new GradientCheckReport([], obstacles, method, options, baseCost, evaluations + counter.Count) { Notes = notes };
        }
        catch (OperationCanceledException cancelled) when (cancellation.IsCancellationRequested)
        {
            // The finally below restores the parameters before the exception leaves the check.
            string progress = alongDirections
                ? "during the check along random directions"
                : rechecking
                    ? "while re-checking the entries not checkable at the given point at a point nudged off the ties"
                    : string.Create(CultureInfo.InvariantCulture, $"after {meter?.Done ?? 0:N0} of {total:N0} entries");
            throw new OperationCanceledException(
                $"The gradient check of {string.Join(", ", selected.Select(t => parameters.Tensors[t].Name))} was cancelled {progress}; every parameter has been restored bit for bit.",
                cancelled,
                cancellation);
        }
        finally
        {
            AddIfModified(obstacles, snapshot.RestoreModified());
        }

        var tensors = new TensorReport[numerics.Length];
        for (int t = 0; t < tensors.Length; t++)
        {
            NamedTensor<T> tensor = parameters.Tensors[selected[t]];
            tensors[t] = GradientComparison.Report(tensor.Name, tensor.Storage.Shape, entriesJudged[t], options.WorstEntriesShown, directions[t], taylors[t]);
        }

        return new GradientCheckReport(tensors, obstacles, method, options, baseCost, evaluations + counter.Count) { Notes = notes, Recheck = recheck };
    }

    /// <summary>
    /// Re-checks the entries not checkable at the given point at a point nudged off the ties, and
    /// replaces their values and verdicts in <paramref name="entries"/> with those found there; an entry
    /// that sits on a kink again there (a tie that stayed within the stencil's reach) is re-checked at
    /// the next nudged point, up to <see cref="PointNudge.MostPoints"/>. Null, changing nothing, when every
    /// entry was decided at the given point.
    /// </summary>
    private static NudgedRecheck? RecheckNotCheckable<T>(
        Func<T> cost,
        TensorSet<T> parameters,
        ParameterSnapshot<T> snapshot,
        int[] selected,
        TensorEntries[] entries,
        Func<TensorStorage<T>[]> backward,
        ComparisonRule comparison,
        GradientCheckOptions options)
        where T : IFloatingPointIeee754<T>
    {
        int[][] pending = [.. entries.Select(tensor => tensor.CheckedIndices.Where(index => tensor.Outcomes[index] == EntryOutcome.NotCheckable).ToArray())];
        if (pending.All(indices => indices.Length == 0))
        {
            return null;
        }

        var first = PointNudge.For<T>(options.Method, options.NudgeSeed);
        int points = 0;
        string? notMade = null;
        while (points < PointNudge.MostPoints && pending.Any(indices => indices.Length > 0))
        {
            PointNudge nudge = first with { Point = points + 1 };
            NudgedMeasurement<T> measured = NudgedRecheckRun.Run(cost, parameters, snapshot, selected, pending, backward, nudge, comparison, options);
            if (measured.NotMade is not null)
            {
                notMade = measured.NotMade;
                break;
            }

            points = nudge.Point;
            for (int t = 0; t < entries.Length; t++)
            {
                if (measured.Analytic[t] is { } analytic && measured.Numerics[t] is { } numeric)
                {
                    entries[t] = entries[t].WithNudgedEntries(pending[t], analytic, numeric, nudge.Point);
                    pending[t] = [.. pending[t].Where(index => numeric[index].IsKink)];
                }
            }
        }

        return new NudgedRecheck(first, points, notMade);
    }

    /// <summary>The entries of each selected tensor to differentiate one by one: a seeded sample, or null for every entry.</summary>
    private static int[]?[] EntriesToDifferentiate<T>(int[] selected, TensorSet<T> parameters, CheckCoverage coverage)
        where T : IFloatingPointIeee754<T>
    {
        var entries = new int[]?[selected.Length];
        if (coverage.Kind == CoverageKind.SampledEntries)
        {
            for (int t = 0; t < selected.Length; t++)
            {
                var random = new SeededRandom(coverage.Seed, selected[t], substream: -1);
                entries[t] = EntrySample.Draw(parameters.Tensors[selected[t]].Storage.Length, coverage.Count, ref random);
            }
        }

        return entries;
    }

    /// <summary>
    /// How the check reads one tensor's gradient (<see cref="AnalyticGradient{T}"/>): a copy of every entry
    /// when it checks every entry, of the sampled entries when it checks a sample, and in place along
    /// random directions, so that a partial check holds nothing per entry of the gradient.
    /// </summary>
    private static AnalyticGradient<T> Analytic<T>(string name, TensorStorage<T> gradient, int[]? sample, CheckCoverage coverage)
        where T : IFloatingPointIeee754<T> =>
        coverage.Kind switch
        {
            CoverageKind.EveryEntry => AnalyticGradient<T>.Copy(name, gradient),
            CoverageKind.SampledEntries => AnalyticGradient<T>.CopyAt(name, gradient, sample!),
            _ => AnalyticGradient<T>.InPlace(name, gradient),
        };

    /// <summary>Differentiates the selected tensors as the coverage says: every entry, a sample, or random directions.</summary>
    private static void Differentiate<T>(
        WorkerModel<T>[] workers,
        ParameterSnapshot<T> snapshot,
        int[] selected,
        int[]?[] entries,
        AnalyticGradient<T>[] analytic,
        EntryRule<T> rule,
        ComparisonRule comparison,
        CheckCoverage coverage,
        ProgressMeter meter,
        NumericalGradient[] numerics,
        DirectionReport[][] directions,
        TaylorReport?[] taylors,
        Func<T[], T[]>? hessianVectorProduct)
        where T : IFloatingPointIeee754<T>
    {
        WorkerModel<T> main = workers[0];
        if (coverage.Kind == CoverageKind.TaylorRemainder)
        {
            for (int t = 0; t < selected.Length; t++)
            {
                numerics[t] = new NumericalGradient(analytic[t].Length, sparse: true);
                taylors[t] = TaylorRemainderCheck.Run(main.Cost, main.Parameters.Tensors[selected[t]], snapshot.GivenMemory(selected[t]), selected[t], analytic[t], numerics[t], rule, comparison, coverage, out directions[t], hessianVectorProduct);
            }

            return;
        }

        if (coverage.Kind == CoverageKind.RandomDirections)
        {
            for (int t = 0; t < selected.Length; t++)
            {
                numerics[t] = new NumericalGradient(analytic[t].Length, sparse: true);
                directions[t] = RandomDirectionCheck.Run(main.Cost, main.Parameters.Tensors[selected[t]], snapshot.Given(selected[t]), selected[t], analytic[t], numerics[t], rule, comparison, coverage);
            }

            return;
        }

        for (int t = 0; t < selected.Length; t++)
        {
            directions[t] = [];
            numerics[t] = new NumericalGradient(analytic[t].Length, sparse: entries[t] is not null);
        }

        StagedDifferentiation.Run(workers, selected, entries, analytic, rule, comparison, meter, numerics);
    }

    private static void AddIfModified(List<CheckObstacle> obstacles, List<string> modified)
    {
        if (modified.Count > 0 && !obstacles.Exists(obstacle => obstacle.Kind == CheckObstacleKind.CostModifiedParameters))
        {
            obstacles.Add(ModifiedParameters(modified, detail: null));
        }
    }

    /// <param name="modified">The tensors written to.</param>
    /// <param name="detail">What was seen, such as an entry's value before and after; null when the snapshot showed it.</param>
    private static CheckObstacle ModifiedParameters(List<string> modified, string? detail) =>
        new(
            CheckObstacleKind.CostModifiedParameters,
            $"the cost modified parameter{(modified.Count == 1 ? string.Empty : "s")} {string.Join(", ", modified)} while being evaluated " +
            (detail is null ? "(they have been restored)" : $"({detail}; restored)") +
            "; a checked cost must only read its parameters: is a training step or an in-place update inside it?");

    private static CheckObstacle ModifiedGradient(string tensor) =>
        new(
            CheckObstacleKind.CostModifiedGradient,
            $"the gradient given for {tensor} changed while the check evaluated the cost: a check along random directions reads the gradient where it is kept, without copying it, " +
            "so the cost must not write to it (does it run the backward pass into the same arrays, or clear them?); give the check a copy of the gradient, or a cost that only reads its parameters");

    /// <summary>The indices of the tensors to check, in parameter order: all, or those named in <paramref name="names"/>.</summary>
    private static int[] SelectedTensors<T>(TensorSet<T> parameters, IReadOnlyCollection<string>? names)
        where T : IFloatingPointIeee754<T>
    {
        if (names is null)
        {
            return [.. Enumerable.Range(0, parameters.Tensors.Count)];
        }

        string[] unknown = [.. names.Where(name => !parameters.Tensors.Any(tensor => tensor.Name == name))];
        if (unknown.Length > 0 || names.Count == 0)
        {
            throw new ArgumentException(
                $"GradientCheckOptions.Tensors names {(names.Count == 0 ? "no tensor" : string.Join(", ", unknown.Select(name => $"'{name}'")))}, " +
                $"but the parameters are {string.Join(", ", parameters.Tensors.Select(tensor => tensor.Name))}.",
                "options");
        }

        return [.. Enumerable.Range(0, parameters.Tensors.Count).Where(t => names.Contains(parameters.Tensors[t].Name))];
    }

    private static void ThrowIfNotFinite<T>(TensorSet<T> parameters)
        where T : IFloatingPointIeee754<T>
    {
        foreach (NamedTensor<T> tensor in parameters.Tensors)
        {
            ReadOnlySpan<T> values = tensor.Storage.Span;
            for (int i = 0; i < values.Length; i++)
            {
                if (!T.IsFinite(values[i]))
                {
                    throw new ArgumentException(
                        $"Parameter {Shapes.EntryLabel(tensor.Name, i, tensor.Storage.Shape)} is {values[i].ToString(null, CultureInfo.InvariantCulture)}: a gradient cannot be checked at a point that is not finite.");
                }
            }
        }
    }
}
