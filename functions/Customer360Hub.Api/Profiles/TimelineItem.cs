namespace Customer360Hub.Api.Profiles;

/// <summary>One item of a profile's timeline: an order, invoice, payment, ticket, interaction, ...</summary>
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
    string? Currency);
