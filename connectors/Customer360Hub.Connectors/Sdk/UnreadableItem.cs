namespace Customer360Hub.Connectors.Sdk;

/// <summary>
/// An item of a page that is not a usable record (no id, bad timestamp, ...), with why.
/// <paramref name="Fingerprint"/> tells items without an id apart, so pulling the same page again
/// quarantines each of them once.
/// </summary>
public sealed record UnreadableItem(string? RecordId, string Reason, string? Fingerprint = null);
