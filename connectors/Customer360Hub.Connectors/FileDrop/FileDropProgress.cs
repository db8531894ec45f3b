namespace Customer360Hub.Connectors.FileDrop;

/// <summary>How far a file drop has been read: bytes done of all bytes in the drop, and the file at hand.</summary>
public sealed record FileDropProgress(long Done, long Total, string File);
