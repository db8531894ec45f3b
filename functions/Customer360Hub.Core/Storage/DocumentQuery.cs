namespace Customer360Hub.Storage;

/// <summary>A page of one partition, ordered by id. <paramref name="ContinuationToken"/> comes from the previous page.</summary>
public sealed record DocumentQuery(int Limit = 100, bool Descending = false, string? IdPrefix = null, string? ContinuationToken = null);
