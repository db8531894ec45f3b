namespace Customer360Hub.Sandbox.World;

/// <summary>
/// A transaction one system holds about one of its party records: an order, invoice, payment,
/// subscription, ticket, marketing event, interaction or opportunity, with the values vendor
/// APIs render (amount, status, product, stage, rating, ...).
/// </summary>
public sealed record ActivityView
{
    public required string Source { get; init; }

    public required string EntityType { get; init; }

    public required string RecordId { get; init; }

    /// <summary>The true customer it belongs to.</summary>
    public required string CustomerId { get; init; }

    public required int Unit { get; init; }

    public required int Slot { get; init; }

    /// <summary>The party record (same source) it hangs on; null for interactions known only by email.</summary>
    public string? PartyRecordId { get; init; }

    public string? PartyEntityType { get; init; }

    /// <summary>An external email address (mail and meetings, marketing email recipients).</summary>
    public string? Email { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Status { get; init; }

    public string? Title { get; init; }

    public string? Product { get; init; }

    /// <summary>Another record of the same source it refers to (the invoice a payment pays, the charge a refund returns, ...).</summary>
    public string? RelatedRecordId { get; init; }

    public int? Quantity { get; init; }

    /// <summary>Line items (invoices and orders): product, quantity, unit price.</summary>
    public IReadOnlyList<(string Product, int Quantity, decimal UnitPrice)> Lines { get; init; } = [];

    /// <summary>The record is broken on purpose (a malformed-record knob): it has no usable customer reference.</summary>
    public bool Malformed { get; init; }

    public string Key => EntityType + "/" + RecordId;
}
