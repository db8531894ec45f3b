using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Azure.Storage;

/// <summary>Section <c>Azure:Cosmos</c>: where the profile store lives. Access is by managed identity only.</summary>
public sealed class CosmosStoreOptions
{
    public const string SectionName = "Azure:Cosmos";

    /// <summary>The account endpoint, e.g. <c>https://c360-prod.documents.azure.com:443/</c>.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    [Required]
    public string Database { get; set; } = "customer360";

    /// <summary>
    /// Lets the SDK pack concurrent writes into bulk requests (and raises the write concurrency).
    /// For backfills and large replays: it trades per-request latency for throughput.
    /// </summary>
    public bool AllowBulkExecution { get; set; }
}
