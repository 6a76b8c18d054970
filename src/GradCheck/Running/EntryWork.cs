using System.Numerics;
using GradCheck.Differentiation;

namespace GradCheck.Running;

/// <summary>What a sweep does with one entry, through the probe of the worker that took it.</summary>
/// <typeparam name="T">The element type of the parameters.</typeparam>
/// <param name="probe">The worker's cost and its copy of the tensor.</param>
/// <param name="position">The entry's position in the sweep's list of entries (its index when the sweep covers every entry).</param>
/// <param name="index">The entry's row-major index in the tensor.</param>
internal delegate void EntryWork<T>(in CostProbe<T> probe, int position, int index)
    where T : IFloatingPointIeee754<T>;
