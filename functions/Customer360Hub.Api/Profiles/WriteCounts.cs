namespace Customer360Hub.Api.Profiles;

/// <summary>A store's write counts of the documents a current profile view is rendered from (stores that count writes).</summary>
internal readonly record struct WriteCounts(long Profile, long Score, long Aggregates);
