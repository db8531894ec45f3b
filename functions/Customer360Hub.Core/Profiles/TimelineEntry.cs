using System.Globalization;

namespace Customer360Hub.Profiles;

/// <summary>
/// One transaction on a profile's timeline (container <c>timeline</c>, partition = profile id).
/// It carries the canonical attributes the profile's aggregates are computed from, so an entry
/// and its share of the aggregates always move together.
/// </summary>
public sealed record TimelineEntry
{
    /// <summary>Entry ids start with this; other documents of the partition (aggregates) do not.</summary>
    public const string IdPrefix = "e:";

    public required string ProfileId { get; init; }
    public required string RecordKey { get; init; }
    public required string Kind { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? Title { get; init; }
    public string? Status { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public decimal? AmountDue { get; init; }
    public DateOnly? DueOn { get; init; }
    public string? Product { get; init; }
    public string? BillingInterval { get; init; }
    public decimal? Quantity { get; init; }
    public DateOnly? RenewsOn { get; init; }
    public DateOnly? CloseOn { get; init; }

    /// <summary>Ticket satisfaction: true satisfied, false not, null unrated.</summary>
    public bool? Satisfied { get; init; }
    public string? Channel { get; init; }

    /// <summary>Ticket priority, lower case.</summary>
    public string? Priority { get; init; }

    /// <summary>A Net Promoter Score answer (0 to 10).</summary>
    public int? Nps { get; init; }

    /// <summary>Subscription: usage the plan allows per day.</summary>
    public decimal? UsageLimit { get; init; }

    /// <summary>The record this one settles or belongs to (a payment's invoice), as a record key.</summary>
    public string? RelatedRef { get; init; }

    /// <summary>The entry's id: newest-first order is descending id order.</summary>
    public static string IdFor(DateTimeOffset occurredAt, string recordKey) =>
        IdPrefix + occurredAt.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "|" + recordKey;

    public string Id => IdFor(OccurredAt, RecordKey);
}
