namespace Customer360Hub.Storage;

/// <summary>Addresses one document: its partition and its id inside the partition.</summary>
public readonly record struct DocumentKey(string PartitionKey, string Id)
{
    /// <summary>A document that is its own partition (point reads by id).</summary>
    public static DocumentKey Single(string id) => new(id, id);

    public override string ToString() => PartitionKey == Id ? Id : PartitionKey + "|" + Id;
}
