namespace Customer360Hub.Profiles;

/// <summary>
/// A profile's running totals over its timeline (container <c>timeline</c>, same partition as the
/// entries, id <see cref="DocumentId"/>), so an entry and its share of the totals are written in
/// one batch. Every part is a sum or a keyed set: adding an entry and removing it again restores
/// the document exactly, which is what makes merges and splits exact. Money is kept per currency.
/// </summary>
public sealed record ProfileAggregates
{
    public const string DocumentId = "aggregates";

    public required string ProfileId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Timeline entries by kind.</summary>
    public Dictionary<string, int> Counts { get; init; } = [];

    public Dictionary<string, decimal> LifetimeValue { get; init; } = [];

    /// <summary>Active subscriptions by record key.</summary>
    public Dictionary<string, SubscriptionHolding> Subscriptions { get; init; } = [];

    /// <summary>Open invoices by record key.</summary>
    public Dictionary<string, OpenInvoice> OpenInvoices { get; init; } = [];

    public int OpenOpportunities { get; init; }

    /// <summary>Amount of open opportunities per currency.</summary>
    public Dictionary<string, decimal> Pipeline { get; init; } = [];

    public int OpenTickets { get; init; }
    public int CsatRated { get; init; }
    public int CsatSatisfied { get; init; }

    /// <summary>Newest interaction-kind entry (configurable kinds).</summary>
    public DateTimeOffset? LastInteractionAt { get; init; }

    /// <summary>Usage quantity per UTC day (yyyy-MM-dd), kept for the trend window only.</summary>
    public Dictionary<string, decimal> UsageByDay { get; init; } = [];

    /// <summary>Open tickets that are escalated: status <c>escalated</c> or an escalation priority.</summary>
    public int OpenEscalations { get; init; }

    /// <summary>Subscriptions that ended (canceled, unpaid, expired), by record key.</summary>
    public Dictionary<string, SubscriptionHolding> EndedSubscriptions { get; init; } = [];

    /// <summary>Entries per product of the product kinds (orders and invoices): what was bought outright.</summary>
    public Dictionary<string, int> ProductsBought { get; init; } = [];

    /// <summary>
    /// Daily counts health scoring reads (tickets, ratings, charges and failed payments, email events,
    /// touches, meetings, NPS answers, invoices' due days and the days they were paid), keyed
    /// <c>yyyy-MM-dd|metric</c> (see <c>ActivityMetrics</c>), kept for the usage window only.
    /// </summary>
    public Dictionary<string, int> Activity { get; init; } = [];
}
