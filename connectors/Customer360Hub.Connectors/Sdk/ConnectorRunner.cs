using System.Globalization;
using System.Text.Json;
using Customer360Hub.Archive;
using Customer360Hub.Changes;
using Customer360Hub.Checkpoints;
using Customer360Hub.Connectors.Mapping;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>
/// Runs a connector safely. Per page: archive the raw bytes, map the items (quarantining those
/// that cannot be mapped), publish the changes, and only then advance the checkpoint. A crash at
/// any point re-pulls the page on restart; the deterministic change ids make the resend harmless.
/// </summary>
public sealed partial class ConnectorRunner(
    IRawArchive archive,
    ICheckpointStore checkpoints,
    IChangeBus bus,
    HubStore store,
    SuppressionList suppression,
    CustomerRefs refs,
    ConnectorMetrics metrics,
    TimeProvider time,
    ILogger<ConnectorRunner> logger)
{
    /// <summary>Pulls every entity type of the connector until the source has nothing more.</summary>
    public async Task<SyncResult> SyncAsync(ISourceConnector connector, RecordMapper mapper, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(mapper);
        using var activity = HubTelemetry.Source.StartActivity("connector.sync");
        activity?.SetTag("c360.source", connector.Source);
        int pages = 0, changes = 0, quarantined = 0;
        foreach (var entityType in connector.EntityTypes)
        {
            var name = CheckpointName(connector.Source, entityType);
            var checkpoint = await checkpoints.GetAsync(name, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var page = await connector.PullAsync(entityType, checkpoint?.Value, cancellationToken).ConfigureAwait(false);
                var (published, rejected) = await ForwardAsync(connector.Source, entityType, page, mapper, cancellationToken).ConfigureAwait(false);
                pages++;
                metrics.Page(connector.Source, published, rejected);
                changes += published;
                quarantined += rejected;
                if (page.NextCheckpoint is not null && page.NextCheckpoint != checkpoint?.Value)
                {
                    checkpoint = await checkpoints.SaveAsync(name, page.NextCheckpoint, checkpoint?.ETag, cancellationToken).ConfigureAwait(false);
                }

                if (!page.HasMore)
                {
                    break;
                }
            }
        }

        LogSynced(logger, connector.Source, pages, changes, quarantined);
        return new SyncResult(connector.Source, pages, changes, quarantined);
    }

    public static string CheckpointName(string source, string entityType) => source + "." + entityType;

    private async Task<(int Published, int Quarantined)> ForwardAsync(string source, string entityType, SourcePage page, RecordMapper mapper, CancellationToken cancellationToken)
    {
        if (page.Items.Count == 0 && page.Unreadable is not { Count: > 0 })
        {
            return (0, 0);
        }

        var pulledAt = time.GetUtcNow();
        var mapped = new List<(int Index, SourceChange Change)>(page.Items.Count);
        var failed = new List<(SourceItem Item, int Index, string Reason)>();
        for (var index = 0; index < page.Items.Count; index++)
        {
            var item = page.Items[index];
            try
            {
                mapped.Add((index, mapper.Map(item, pulledAt, null)));
            }
            catch (Exception ex) when (ex is MappingException or FormatException or JsonException)
            {
                failed.Add((item, index, ex.Message));
            }
        }

        // People who were erased never reach the archive or the bus again, however often the source sends them.
        var erased = new ErasureScope();
        var kept = new List<(int Index, SourceChange Change)>(mapped.Count);
        foreach (var (index, change) in mapped)
        {
            if (await suppression.IsSuppressedAsync(change, cancellationToken).ConfigureAwait(false))
            {
                if (change.Kind == RecordKind.Party)
                {
                    erased.AddParty(SourceRecord.From(change), refs);
                }
                else
                {
                    erased.AddTransaction(change.RecordKey);
                }
            }
            else
            {
                kept.Add((index, change));
            }
        }

        var raw = page.Raw;
        if (kept.Count < mapped.Count)
        {
            raw = RawPageRedactor.Redact(raw.Span, source + "/" + entityType + "/", erased) ?? raw;
            LogSuppressed(logger, source, entityType, mapped.Count - kept.Count);
        }

        var rawRef = await archive.StoreAsync(source, entityType, raw, cancellationToken).ConfigureAwait(false);
        var messages = new List<BusMessage>(kept.Count);
        var quarantine = new List<DocumentWrite>();
        var unreadables = page.Unreadable ?? [];
        for (var index = 0; index < unreadables.Count; index++)
        {
            // Items without an id are told apart by their content (or else their place in the page), so none overwrites another.
            var item = unreadables[index];
            var itemRef = rawRef + "#unreadable-" + index.ToString(CultureInfo.InvariantCulture);
            var key = item.RecordId ?? (item.Fingerprint is { } fingerprint ? "unreadable-" + fingerprint : itemRef);
            quarantine.Add(Quarantine(source, entityType, item.RecordId, key, item.Reason, itemRef, pulledAt));
        }

        foreach (var (item, index, reason) in failed)
        {
            quarantine.Add(Quarantine(source, item.EntityType, item.RecordId, item.RecordId, reason, ItemRef(rawRef, index), pulledAt));
        }

        foreach (var (index, mappedChange) in kept)
        {
            var change = mappedChange with { RawRef = ItemRef(rawRef, index) };
            messages.Add(new BusMessage(change.Id, change.PartitionKey, change.Kind.ToString(), SourceChangeSerializer.Serialize(change)));
        }

        // Quarantine first: if publishing fails the page is pulled again and quarantined again (idempotent).
        await store.Documents.WriteAsync(quarantine, cancellationToken).ConfigureAwait(false);
        await bus.PublishAsync(Topics.SourceChanges, messages, cancellationToken).ConfigureAwait(false);
        var tag = new KeyValuePair<string, object?>("source", source);
        HubTelemetry.ChangesPulled.Add(page.Items.Count + (page.Unreadable?.Count ?? 0), tag);
        HubTelemetry.ChangesSent.Add(messages.Count, tag);
        HubTelemetry.ChangesQuarantined.Add(quarantine.Count, tag);
        if (quarantine.Count > 0)
        {
            LogQuarantined(logger, source, entityType, quarantine.Count);
        }

        return (messages.Count, quarantine.Count);
    }

    private static string ItemRef(string rawRef, int index) => rawRef + "#" + index.ToString(CultureInfo.InvariantCulture);

    private DocumentWrite Quarantine(string source, string entityType, string? recordId, string key, string reason, string rawRef, DateTimeOffset at) =>
        store.Quarantine.Upsert(
            new DocumentKey(source, entityType + "/" + key),
            new QuarantinedRecord(source, entityType, recordId, reason, rawRef, at));

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Source}: {Pages} pages, {Changes} changes, {Quarantined} quarantined")]
    private static partial void LogSynced(ILogger logger, string source, int pages, int changes, int quarantined);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} records of {Source}/{EntityType} that belong to erased people")]
    private static partial void LogSuppressed(ILogger logger, string source, string entityType, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Count} records of {Source}/{EntityType}")]
    private static partial void LogQuarantined(ILogger logger, string source, string entityType, int count);
}
