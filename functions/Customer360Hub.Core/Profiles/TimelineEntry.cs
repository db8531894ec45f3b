namespace Customer360Hub.Profiles;

/// <summary>One item on a profile's timeline (container <c>timeline</c>, partition = profile id).</summary>
public sealed record TimelineEntry
{
    public required string ProfileId { get; init; }
    public required string RecordKey { get; init; }
    public required string Kind { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? Title { get; init; }
    public string? Status { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }

    /// <summary>The entry's id: newest-first order is descending id order.</summary>
    public static string IdFor(DateTimeOffset occurredAt, string recordKey) =>
        occurredAt.UtcDateTime.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture) + "|" + recordKey;
}
