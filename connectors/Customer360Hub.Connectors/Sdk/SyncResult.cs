namespace Customer360Hub.Connectors.Sdk;

/// <summary>What one sync pass of one connector did.</summary>
public sealed record SyncResult(string Source, int Pages, int Changes, int Quarantined);
