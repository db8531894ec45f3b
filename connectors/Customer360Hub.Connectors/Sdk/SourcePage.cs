namespace Customer360Hub.Connectors.Sdk;

/// <summary>
/// One page pulled from a source: the raw bytes exactly as received (archived first), the items
/// found in it, items that could not even be read (quarantined with their reason), and the
/// checkpoint to resume from once the page is safely on the bus.
/// </summary>
public sealed record SourcePage(
    ReadOnlyMemory<byte> Raw,
    IReadOnlyList<SourceItem> Items,
    string? NextCheckpoint,
    bool HasMore,
    IReadOnlyList<UnreadableItem>? Unreadable = null);
