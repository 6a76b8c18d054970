using GradCheck.Nudging;

namespace GradCheck.Reporting;

/// <summary>
/// What a report says of the entries re-checked at points nudged off the ties: how the points were
/// moved, how many were used, and, when the next could not be, why. Which entries were re-checked,
/// at which point, and their verdicts there, are in the tensors' entries.
/// </summary>
/// <param name="Nudge">How the first point was moved; the next ones draw anew from the same seed.</param>
/// <param name="Points">How many nudged points were used: 1, or more where entries sat on a kink again at the last one.</param>
/// <param name="NotMade">Why the next nudged point could not be used, such as <c>the cost is NaN there</c>; null when every one needed was.</param>
internal sealed record NudgedRecheck(PointNudge Nudge, int Points, string? NotMade);
