namespace Customer360Hub.Storage;

/// <summary>A page of documents; <paramref name="ContinuationToken"/> is null on the last page.</summary>
public sealed record DocumentPage(IReadOnlyList<StoredDocument> Items, string? ContinuationToken);
