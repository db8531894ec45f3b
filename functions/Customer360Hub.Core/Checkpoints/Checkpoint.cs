namespace Customer360Hub.Checkpoints;

/// <summary>A connector's position in a source; <paramref name="ETag"/> guards against two runners advancing it at once.</summary>
public sealed record Checkpoint(string Name, string Value, string ETag);
