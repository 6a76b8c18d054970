namespace GradCheck.Diagnosis;

/// <summary>How a pattern a[k] = c n'[from(k)] fits a set of entries (see <see cref="EntryMatch.Fit"/>).</summary>
/// <param name="Holds">Whether every compared entry matches.</param>
/// <param name="Compared">How many entries had a value to compare: a finite, the source's n finite.</param>
/// <param name="ExplainsAFailure">Whether a compared entry is one the verdict found wrong.</param>
internal readonly record struct PatternFit(bool Holds, int Compared, bool ExplainsAFailure);
