namespace Customer360Hub.Sandbox.World;

/// <summary>One record of one vendor system, with the customer it truly belongs to.</summary>
public sealed record SourceRow(string Id, int PersonNumber, DateTimeOffset ModifiedAt, IReadOnlyDictionary<string, object?> Fields);
