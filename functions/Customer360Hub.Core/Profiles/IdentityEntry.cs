namespace Customer360Hub.Profiles;

/// <summary>One row of the identity index (container <c>identity</c>, partition = match key, id = record key).</summary>
public sealed record IdentityEntry(string RecordKey, string ProfileId);
