namespace Customer360Hub.Profiles;

/// <summary>
/// A hashed identifier of an erased person (container <c>suppression</c>, partition = id = hash):
/// changes carrying it are dropped, so replays and later syncs do not re-create the person.
/// Holds no identifier in clear.
/// </summary>
public sealed record SuppressionEntry(string Hash, string Kind, string ErasureId, DateTimeOffset ErasedAt);
