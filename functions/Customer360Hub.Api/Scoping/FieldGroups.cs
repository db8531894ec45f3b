namespace Customer360Hub.Api.Scoping;

/// <summary>The built-in field groups.</summary>
public static class FieldGroups
{
    public const string Core = "core";
    public const string Identity = "identity";
    public const string Contact = "contact";
    public const string Consent = "consent";
    public const string Personal = "personal";
    public const string Orders = "orders";
    public const string Invoices = "invoices";
    public const string Receivables = "receivables";
    public const string Payments = "payments";
    public const string Pipeline = "pipeline";
    public const string Activities = "activities";
    public const string Support = "support";
    public const string Usage = "usage";
    public const string Health = "health";
    public const string RepNotes = "repNotes";
    public const string Commission = "commission";
    public const string Quality = "quality";
    public const string Evidence = "evidence";
    public const string Lineage = "lineage";
}
