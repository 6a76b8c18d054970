namespace GradCheck.Zoo.Tests;

/// <summary>
/// The zoo's own, deliberately simple numerical derivative, in double, used to prove the zoo before it
/// judges the engine: per entry the central difference with h = 1e-6, and the two one-sided
/// differences, which disagree by a finite jump at a kink and by only O(h) elsewhere.
/// </summary>
internal static class ReferenceDifference
{
    /// <summary>The step: small enough that truncation (h²|J'''|/6 ≈ 2e-13 |J'''|) is negligible, large enough that round-off (ε|J|/h ≈ 2e-10 |J|) is too.</summary>
    public const double Step = 1e-6;

    /// <summary>
    /// A one-sided jump larger than this times max(1, |central|) is a kink. The smooth part of the
    /// jump is h |J''| ≈ 1e-6 |J''|; the zoo's kinks jump by 1e-2 or more.
    /// </summary>
    public const double KinkJump = 1e-3;

    /// <summary>
    /// Probes every entry of every parameter of <paramref name="problem"/>, restoring each exactly. An
    /// entry the problem declares a kink (<see cref="ZooProblem{T}.KinkEntries"/>) is treated as one even
    /// when its jump is too small for the reference to see.
    /// </summary>
    public static List<Probe> ProbeAll(ZooProblem<double> problem)
    {
        var probes = new List<Probe>();
        double cost = problem.Cost();
        foreach ((string name, double[,] parameter) in problem.Parameters)
        {
            for (int i = 0; i < parameter.GetLength(0); i++)
            {
                for (int j = 0; j < parameter.GetLength(1); j++)
                {
                    double original = parameter[i, j];
                    parameter[i, j] = original + Step;
                    double plus = problem.Cost();
                    parameter[i, j] = original - Step;
                    double minus = problem.Cost();
                    parameter[i, j] = original;
                    bool declared = problem.KinkEntries.Contains(ZooProblem<double>.EntryLabel(name, i, j));
                    probes.Add(new Probe(name, i, j, cost, (plus - minus) / (2 * Step), (plus - cost) / Step, (cost - minus) / Step, declared));
                }
            }
        }

        return probes;
    }

    /// <summary>One entry's numerical derivatives.</summary>
    /// <param name="Tensor">The parameter's name.</param>
    /// <param name="Row">The entry's row.</param>
    /// <param name="Column">The entry's column.</param>
    /// <param name="Cost">The cost at the given point.</param>
    /// <param name="Central">(J(x+h) - J(x-h)) / 2h.</param>
    /// <param name="Forward">(J(x+h) - J(x)) / h.</param>
    /// <param name="Backward">(J(x) - J(x-h)) / h.</param>
    /// <param name="Declared">Whether the problem declares this entry a kink.</param>
    internal sealed record Probe(string Tensor, int Row, int Column, double Cost, double Central, double Forward, double Backward, bool Declared)
    {
        /// <summary>Whether the one-sided derivatives differ by a jump, not by curvature.</summary>
        public bool IsKink => Jump > KinkJump * Math.Max(1.0, Math.Abs(Central));

        /// <summary>|forward - backward|: the kink's jump, or h |J''| where the cost is smooth.</summary>
        public double Jump => Math.Abs(Forward - Backward);

        /// <summary>Whether the entry is a kink, seen or declared.</summary>
        public bool IsKinkOrDeclared => IsKink || Declared;

        /// <summary>The entry as <c>W1[2,0]</c>.</summary>
        public string Label => $"{Tensor}[{Row},{Column}]";

        /// <summary>
        /// Whether <paramref name="analytic"/> is this entry's derivative: the central difference to
        /// 1e-6 relative (plus 1e-8 |J| for entries near 0, where round-off dominates) at a smooth
        /// entry; at a kink, a value between the one-sided derivatives (a subgradient along the entry).
        /// </summary>
        public bool Accepts(double analytic)
        {
            double floor = 1e-8 * Math.Max(1.0, Math.Abs(Cost));
            if (!IsKinkOrDeclared)
            {
                return Math.Abs(analytic - Central) <= (1e-6 * Math.Max(Math.Abs(analytic), Math.Abs(Central))) + floor;
            }

            // The one-sided differences are off by about h |J''| / 2; 1e-5 relative covers that.
            double slack = (1e-5 * Math.Max(1.0, Math.Abs(analytic))) + floor;
            return analytic >= Math.Min(Forward, Backward) - slack && analytic <= Math.Max(Forward, Backward) + slack;
        }

        /// <summary>
        /// Whether <paramref name="analytic"/> is plainly wrong here: a smooth entry off by more than
        /// 1e-3 relative (plus 1e-6 |J|), far outside what any sound check must tolerate.
        /// </summary>
        public bool PlainlyRejects(double analytic) =>
            !IsKinkOrDeclared && Math.Abs(analytic - Central) > (1e-3 * Math.Max(Math.Abs(analytic), Math.Abs(Central))) + (1e-6 * Math.Max(1.0, Math.Abs(Cost)));
    }
}
