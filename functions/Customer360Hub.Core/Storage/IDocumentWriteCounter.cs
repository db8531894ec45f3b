namespace Customer360Hub.Storage;

/// <summary>
/// An optional capability of a profile store whose every write goes through this process (the
/// embedded store: one process owns the data folder). The number changes after every committed
/// write to any document of the partition, in any container, so a reader that noted it before
/// reading knows its copies are still current while the number is unchanged, without reading
/// again. Distinct partitions may share a number (a change to one then only costs the other a
/// re-read). Stores written by several processes (Cosmos DB) do not offer it.
/// </summary>
public interface IDocumentWriteCounter
{
    long WritesToPartition(string partitionKey);
}
