namespace Customer360Hub.Storage;

/// <summary>A document as stored: its UTF-8 JSON body and the ETag to send back for a conditional write.</summary>
public sealed record StoredDocument(DocumentKey Key, string ETag, ReadOnlyMemory<byte> Body);
