namespace Customer360Hub.Sandbox.World;

/// <summary>The systems of the world, by the source names the hub's connectors use.</summary>
public static class SourceNames
{
    public const string BusinessCentral = "businesscentral";
    public const string Stripe = "stripe";
    public const string Zendesk = "zendesk";
    public const string HubSpot = "hubspot";
    public const string Salesforce = "salesforce";
    public const string Graph = "graph";
    public const string FileDrop = "filedrop";

    /// <summary>Systems that hold party records, in export order.</summary>
    public static IReadOnlyList<string> PartySources { get; } = [BusinessCentral, Stripe, Zendesk, HubSpot, Salesforce, FileDrop];
}
