using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Timeline;

/// <summary>Section <c>Profiles:Aggregates</c>: what the running totals count.</summary>
public sealed class AggregateOptions
{
    public const string SectionName = "Profiles:Aggregates";

    /// <summary>Kinds whose amounts make up lifetime value. Empty means <c>payment</c>.</summary>
    public List<string> LifetimeValueKinds { get; set; } = [];

    /// <summary>Kinds that count as an interaction for "last interaction". Empty means interaction, ticket, marketing event, opportunity.</summary>
    public List<string> InteractionKinds { get; set; } = [];

    /// <summary>Ticket priorities that make an open ticket an escalation (besides the status <c>escalated</c>). Empty means <c>urgent</c>.</summary>
    public List<string> EscalationPriorities { get; set; } = [];

    /// <summary>Kinds whose <c>product</c> counts as bought outright (products held, with active subscriptions). Empty means order, invoice.</summary>
    public List<string> ProductKinds { get; set; } = [];

    /// <summary>Currency assumed for amounts that come without one.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string DefaultCurrency { get; set; } = "USD";

    public IReadOnlyList<string> EffectiveLifetimeValueKinds() => LifetimeValueKinds.Count > 0 ? LifetimeValueKinds : ["payment"];

    public IReadOnlyList<string> EffectiveEscalationPriorities() => EscalationPriorities.Count > 0 ? EscalationPriorities : ["urgent"];

    public IReadOnlyList<string> EffectiveProductKinds() => ProductKinds.Count > 0 ? ProductKinds : ["order", "invoice"];

    public IReadOnlyList<string> EffectiveInteractionKinds() => InteractionKinds.Count > 0 ? InteractionKinds : ["interaction", "ticket", "marketingEvent", "opportunity"];
}
