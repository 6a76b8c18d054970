namespace GradCheck.Zoo;

/// <summary>The structural mistakes <see cref="PlantedBugs"/> plants, one per kind of bookkeeping error.</summary>
public enum Mutation
{
    /// <summary>Every entry times 2.</summary>
    ScaledByTwo,

    /// <summary>Every entry times 1.01.</summary>
    ScaledByOnePercent,

    /// <summary>Every entry negated.</summary>
    SignFlipped,

    /// <summary>Every entry 0.</summary>
    Zeroed,

    /// <summary>The entry of largest magnitude doubled, the others left right.</summary>
    LargestEntryDoubled,

    /// <summary>Row-major entry i holds entry i - 1 (the first holds the last).</summary>
    ShiftedByOne,

    /// <summary>The transpose's data in row-major order, in the original shape.</summary>
    StoredTransposed,

    /// <summary>Two tensors of the same shape hold each other's gradient.</summary>
    Swapped,
}
