using Customer360Hub.Storage;
using Microsoft.Azure.Cosmos;

namespace Customer360Hub.Azure.Storage;

/// <summary>
/// How the hub's containers are laid out in Cosmos DB. The same definitions are in
/// <c>infra/modules/cosmos.bicep</c>; tests create containers from here.
/// </summary>
/// <remarks>
/// Every container is partitioned on <c>/pk</c> (the <see cref="DocumentKey.PartitionKey"/>):
/// profiles and scores by profile id (point reads), the identity index by match key, the
/// timeline by profile id (a profile's timeline is one partition, read in id order). Items are
/// envelopes <c>{ id, pk, ttl?, doc }</c>; nothing under <c>/doc</c> is indexed, because every
/// access path is by partition key and id, so writes pay no index charge for bulky bodies.
/// </remarks>
public static class CosmosContainerLayout
{
    public const string PartitionKeyPath = "/pk";

    public static ContainerProperties PropertiesOf(string container)
    {
        var properties = new ContainerProperties(container, PartitionKeyPath)
        {
            // -1: time to live is on, and a document expires only when it says so (retention).
            DefaultTimeToLive = -1,
            IndexingPolicy = new IndexingPolicy { Automatic = true, IndexingMode = IndexingMode.Consistent },
        };
        properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = "/*" });
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/doc/*" });
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/\"_etag\"/?" });
        return properties;
    }

    /// <summary>Creates the database and every container when missing (tests and first-run tooling; Bicep does this in Azure).</summary>
    public static async Task<Database> EnsureCreatedAsync(CosmosClient client, string database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var created = await client.CreateDatabaseIfNotExistsAsync(database, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var container in Containers.All)
        {
            await created.Database.CreateContainerIfNotExistsAsync(PropertiesOf(container), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return created.Database;
    }
}
