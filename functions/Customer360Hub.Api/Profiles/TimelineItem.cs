namespace Customer360Hub.Api.Profiles;

/// <summary>
/// One item of a profile's timeline: an order, invoice, payment, ticket, interaction, ... with the
/// canonical attributes its kind carries (amounts due and due dates of invoices, products and billing
/// intervals of subscriptions, satisfaction of tickets, ...).
/// </summary>
public sealed record TimelineItem(
    string Id,
    string Kind,
    string Source,
    string EntityType,
    string RecordId,
    DateTimeOffset OccurredAt,
    string? Title,
    string? Status,
    decimal? Amount,
    string? Currency)
{
    public decimal? AmountDue { get; init; }

    public DateOnly? DueOn { get; init; }

    public string? Product { get; init; }

    public string? BillingInterval { get; init; }

    public decimal? Quantity { get; init; }

    public DateOnly? RenewsOn { get; init; }

    public DateOnly? CloseOn { get; init; }

    public bool? Satisfied { get; init; }

    public string? Channel { get; init; }
}
