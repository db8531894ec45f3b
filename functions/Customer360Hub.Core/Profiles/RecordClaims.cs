namespace Customer360Hub.Profiles;

/// <summary>
/// The references one party record currently claims in the reference index (container
/// <c>refs</c>, partition = the record key, id <see cref="DocumentId"/>), so a change or an
/// erasure can take them out again.
/// </summary>
public sealed record RecordClaims(string RecordKey, List<string> Claims)
{
    public const string DocumentId = "claims";
}
