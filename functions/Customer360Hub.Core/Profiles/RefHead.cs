namespace Customer360Hub.Profiles;

/// <summary>
/// The version of one reference's index partition (container <c>refs</c>, id <see cref="DocumentId"/>).
/// Every change that parks, links or re-links transactions under the reference writes it under its
/// ETag, so two concurrent batches that both look at the same reference (a transaction parking while
/// its customer arrives) cannot both commit: the later one is retried and sees the other.
/// </summary>
public sealed record RefHead(string Ref, long Version)
{
    public const string DocumentId = "~head";
}
