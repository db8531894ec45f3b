using Customer360Hub.Changes;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using System.Text.Json;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// The ceiling of ingest: a source-changes handler that only parses each change and writes it to
/// the store as a source record, one write batch per bus batch, with no identity, timeline,
/// composition or scoring.
/// </summary>
internal sealed class StoreOnlyHandler(IDocumentStore store) : IMessageHandler
{
    public string Topic => Topics.SourceChanges;

    public string Subscription => Topics.ResolverSubscription;

    public async Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        var writes = new List<DocumentWrite>(messages.Count);
        var rejections = new List<Rejection>();
        foreach (var message in messages)
        {
            try
            {
                var record = SourceRecord.From(SourceChangeSerializer.Deserialize(message.Body.Span));
                writes.Add(DocumentWrite.Upsert(Containers.Records, DocumentKey.Single(record.RecordKey), JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Default.SourceRecord)));
            }
            catch (MalformedChangeException ex)
            {
                rejections.Add(new Rejection(message, ex.Message));
            }
        }

        await store.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return rejections;
    }
}
