namespace Customer360Hub.Connectors.Sdk;

/// <summary>An item of a page that is not a usable record (no id, bad timestamp, ...), with why.</summary>
public sealed record UnreadableItem(string? RecordId, string Reason);
