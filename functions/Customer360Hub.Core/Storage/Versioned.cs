namespace Customer360Hub.Storage;

/// <summary>A typed document with the ETag it was read at.</summary>
public sealed record Versioned<T>(DocumentKey Key, T Document, string ETag);
