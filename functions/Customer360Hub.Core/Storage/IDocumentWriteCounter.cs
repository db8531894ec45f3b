namespace Customer360Hub.Storage;

/// <summary>
/// An optional capability of a profile store whose every write goes through this process (the
/// embedded store: one process owns the data folder). The number changes after every committed
/// write to the document, so a reader that noted it before reading knows its copy is still current
/// while the number is unchanged, without reading again. Distinct documents may share a number
/// (a change to one then only costs the other a re-read). Stores written by several processes
/// (Cosmos DB) do not offer it.
/// </summary>
public interface IDocumentWriteCounter
{
    long WritesTo(string container, DocumentKey key);
}
