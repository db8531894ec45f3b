namespace Customer360Hub.Profiles;

/// <summary>One row of the identity index (container <c>identity</c>, partition = match key, id = record key).</summary>
/// <paramref name="Version"/> is the record version the key came from, so a reader can reuse what it already normalised.
public sealed record IdentityEntry(string RecordKey, string ProfileId, string? Version = null);
