using System.Text.Json;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>One record as a connector found it in a page, before mapping.</summary>
public sealed record SourceItem(
    string EntityType,
    string RecordId,
    string Version,
    DateTimeOffset ModifiedAt,
    bool Deleted,
    JsonElement Payload);
