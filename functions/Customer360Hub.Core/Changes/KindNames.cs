namespace Customer360Hub.Changes;

/// <summary>The wire names of <see cref="RecordKind"/> (camelCase, as in the API).</summary>
public static class KindNames
{
    private static readonly Dictionary<string, RecordKind> ByName =
        Enum.GetValues<RecordKind>().ToDictionary(ToName, k => k, StringComparer.OrdinalIgnoreCase);

    public static string ToName(RecordKind kind) => kind switch
    {
        RecordKind.Party => "party",
        RecordKind.Order => "order",
        RecordKind.Invoice => "invoice",
        RecordKind.Payment => "payment",
        RecordKind.Subscription => "subscription",
        RecordKind.Ticket => "ticket",
        RecordKind.MarketingEvent => "marketingEvent",
        RecordKind.Interaction => "interaction",
        RecordKind.Opportunity => "opportunity",
        RecordKind.Usage => "usage",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static RecordKind Parse(string name) =>
        ByName.TryGetValue(name, out var kind) ? kind : throw new MalformedChangeException($"unknown record kind '{name}'");

    public static bool TryParse(string name, out RecordKind kind) => ByName.TryGetValue(name, out kind);
}
