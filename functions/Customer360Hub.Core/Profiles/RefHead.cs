namespace Customer360Hub.Profiles;

/// <summary>
/// The version of one reference's index partition (container <c>refs</c>, id <see cref="DocumentId"/>).
/// Every change that parks, links or re-links transactions under the reference writes it under its
/// ETag, so two concurrent batches that both look at the same reference (a transaction parking while
/// its customer arrives) cannot both commit: the later one is retried and sees the other.
/// </summary>
/// <remarks>
/// <see cref="LinkedTo"/> lets a re-link that would move nothing skip reading the partition: while it
/// is set, every transaction indexed under the reference is linked to that profile and none waits.
/// </remarks>
public sealed record RefHead(string Ref, long Version)
{
    public const string DocumentId = "~head";

    /// <summary>The profile every transaction under the reference is linked to; null when unknown, mixed or waiting.</summary>
    public string? LinkedTo { get; init; }
}
