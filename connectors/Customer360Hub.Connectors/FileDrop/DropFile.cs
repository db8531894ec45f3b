namespace Customer360Hub.Connectors.FileDrop;

/// <summary>A batch file waiting in a drop location.</summary>
public sealed record DropFile(string Name, long Length, DateTimeOffset LastModified);
