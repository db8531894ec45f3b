namespace Customer360Hub.Storage;

/// <summary>
/// A page of one partition, ordered by id. <paramref name="ContinuationToken"/> comes from the previous page.
/// <paramref name="IdBelow"/> keeps only ids that sort before it (ordinal): with <c>Descending</c> it
/// reads "the newest entries before X", as timelines and effective-dated history need.
/// </summary>
public sealed record DocumentQuery(int Limit = 100, bool Descending = false, string? IdPrefix = null, string? ContinuationToken = null, string? IdBelow = null);
