using System.Globalization;

namespace Customer360Hub.Storage;

/// <summary>
/// Version documents that stand for partitions: every write into a multi-document partition bumps
/// its guard and every query of a partition inside a unit of work reads it, so two resolvers whose
/// decisions rest on the same partition (an identity index key, a record's relations) cannot both
/// commit. Partitions share guards by a hash into a fixed number of stripes, so a guard's key says
/// nothing about the identifiers in the partitions it stands for (partition keys can be email
/// addresses or phone numbers), and their number stays fixed whatever the data. Guards live in the
/// container of their partitions, in partitions of their own, and are never returned to callers.
/// </summary>
internal static class PartitionGuards
{
    private const int Stripes = 1 << 16;
    private const string Prefix = "~guard-";
    private const string Id = "~guard";

    public static ReadOnlyMemory<byte> Body { get; } = "{}"u8.ToArray();

    public static DocumentKey For(string partitionKey)
    {
        // FNV-1a: stable across processes (string.GetHashCode is randomised per process).
        var hash = 2166136261u;
        foreach (var c in partitionKey)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new DocumentKey(Prefix + (hash % Stripes).ToString("x4", CultureInfo.InvariantCulture), Id);
    }

    /// <summary>
    /// Writes into partitions that hold one document (its id is the partition key: profiles,
    /// records, scores) are guarded by that document's own ETag and bump no guard.
    /// </summary>
    public static bool Applies(DocumentKey key) => key.PartitionKey != key.Id && !IsGuard(key);

    public static bool IsGuard(DocumentKey key) => key.PartitionKey.StartsWith(Prefix, StringComparison.Ordinal);
}
