using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Microsoft.Azure.Cosmos;

namespace Customer360Hub.Azure.Storage;

/// <summary>
/// The profile store on Cosmos DB (NoSQL API), one container per hub container, laid out as in
/// <see cref="CosmosContainerLayout"/>. Writes to one partition go as a transactional batch (all or
/// nothing), different partitions concurrently; ETags make every conditional write optimistic;
/// time to live becomes the item's <c>ttl</c>. The request charge of every call is recorded per
/// operation and container.
/// </summary>
public sealed class CosmosDocumentStore : IDocumentStore
{
    private const int MaxBatchOperations = 100;
    private const int MaxParallelReads = 16;
    private const int MaxParallelWrites = 16;
    private const int MaxParallelBulkWrites = 128;
    private static readonly byte[] DocumentsProperty = "Documents"u8.ToArray();

    private readonly Database _database;
    private readonly bool _bulk;
    private readonly ConcurrentDictionary<string, Container> _containers = new(StringComparer.Ordinal);

    public CosmosDocumentStore(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _bulk = database.Client?.ClientOptions?.AllowBulkExecution ?? false;
    }

    public async Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var target = ContainerOf(container);
        var found = new StoredDocument?[keys.Count];
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            var key = keys[index];
            using var response = await target.ReadItemStreamAsync(CosmosIds.Encode(key.Id), new PartitionKey(key.PartitionKey), cancellationToken: ct).ConfigureAwait(false);
            Charge("read", container, response.Headers.RequestCharge);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            ThrowIfFailed(response.StatusCode, RetryAfterOf(response.Headers), container, key, response.ErrorMessage);
            using var item = await JsonDocument.ParseAsync(response.Content, cancellationToken: ct).ConfigureAwait(false);
            found[index] = Unwrap(item.RootElement);
        }).ConfigureAwait(false);
        return found.OfType<StoredDocument>().ToList();
    }

    public async Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var after = query.ContinuationToken is null ? null : DecodeToken(query.ContinuationToken);
        var sql = new StringBuilder("SELECT TOP ").Append((query.Limit + 1).ToString(CultureInfo.InvariantCulture)).Append(" * FROM c WHERE c.pk = @pk");
        if (!string.IsNullOrEmpty(query.IdPrefix))
        {
            sql.Append(" AND STARTSWITH(c.id, @prefix)");
        }

        if (after is not null)
        {
            sql.Append(query.Descending ? " AND c.id < @after" : " AND c.id > @after");
        }

        sql.Append(query.Descending ? " ORDER BY c.id DESC" : " ORDER BY c.id");
        var definition = new QueryDefinition(sql.ToString()).WithParameter("@pk", partitionKey);
        if (!string.IsNullOrEmpty(query.IdPrefix))
        {
            definition = definition.WithParameter("@prefix", CosmosIds.Encode(query.IdPrefix));
        }

        if (after is not null)
        {
            definition = definition.WithParameter("@after", CosmosIds.Encode(after));
        }

        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey), MaxItemCount = query.Limit + 1 };
        var items = new List<StoredDocument>(query.Limit + 1);
        using var iterator = ContainerOf(container).GetItemQueryStreamIterator(definition, continuationToken: null, options);
        while (iterator.HasMoreResults && items.Count <= query.Limit)
        {
            await ReadPageAsync(iterator, container, "query", items, cancellationToken).ConfigureAwait(false);
        }

        var more = items.Count > query.Limit;
        if (more)
        {
            items.RemoveRange(query.Limit, items.Count - query.Limit);
        }

        return new DocumentPage(items, more ? EncodeToken(items[^1].Key.Id) : null);
    }

    public async Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var groups = writes
            .Select((write, order) => (write, order))
            .GroupBy(w => (w.write.Container, w.write.Key.PartitionKey))
            .OrderBy(g => g.Min(w => w.order))
            .Select(g => g.Select(w => w.write).ToList())
            .ToList();

        if (groups.Count == 1)
        {
            await WritePartitionAsync(groups[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        // Partitions are independent transactions, so they go side by side (a unit of work touches
        // many); with bulk execution on, the SDK packs the concurrent calls into bulk requests.
        await Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = _bulk ? MaxParallelBulkWrites : MaxParallelWrites, CancellationToken = cancellationToken },
            async (group, ct) => await WritePartitionAsync(group, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<StoredDocument> ScanAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var iterator = ContainerOf(container).GetItemQueryStreamIterator(new QueryDefinition("SELECT * FROM c"), continuationToken: null, new QueryRequestOptions { MaxItemCount = 500 });
        var page = new List<StoredDocument>();
        while (iterator.HasMoreResults)
        {
            page.Clear();
            await ReadPageAsync(iterator, container, "scan", page, cancellationToken).ConfigureAwait(false);
            foreach (var document in page)
            {
                yield return document;
            }
        }
    }

    private async Task WritePartitionAsync(List<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 1)
        {
            await WriteOneAsync(writes[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        // A partition's writes are one transaction; past the service's limit of 100 operations a
        // unit is split, and callers keep every write idempotent for exactly that case.
        foreach (var chunk in writes.Chunk(MaxBatchOperations))
        {
            await WriteBatchAsync(chunk.ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteOneAsync(DocumentWrite write, CancellationToken cancellationToken)
    {
        var container = ContainerOf(write.Container);
        var pk = new PartitionKey(write.Key.PartitionKey);
        var id = CosmosIds.Encode(write.Key.Id);
        var conditions = write.IfMatch is null ? null : new ItemRequestOptions { IfMatchEtag = write.IfMatch };
        using var body = write.Operation == WriteOperation.Delete ? null : Wrap(write);
        using var response = OperationOf(write) switch
        {
            WriteOperation.Create => await container.CreateItemStreamAsync(body!, pk, conditions, cancellationToken).ConfigureAwait(false),
            WriteOperation.Replace => await container.ReplaceItemStreamAsync(body!, id, pk, conditions, cancellationToken).ConfigureAwait(false),
            WriteOperation.Upsert => await container.UpsertItemStreamAsync(body!, pk, conditions, cancellationToken).ConfigureAwait(false),
            _ => await container.DeleteItemStreamAsync(id, pk, conditions, cancellationToken).ConfigureAwait(false),
        };
        Charge(OperationName(write), write.Container, response.Headers.RequestCharge);
        if (!response.IsSuccessStatusCode && !IsMissingDeleteAllowed(write, response.StatusCode))
        {
            ThrowIfFailed(write, response.StatusCode, RetryAfterOf(response.Headers), response.ErrorMessage);
        }
    }

    private async Task WriteBatchAsync(List<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        var container = ContainerOf(writes[0].Container);
        var pk = new PartitionKey(writes[0].Key.PartitionKey);
        while (writes.Count > 0)
        {
            var batch = container.CreateTransactionalBatch(pk);
            var bodies = new List<Stream>(writes.Count);
            try
            {
                foreach (var write in writes)
                {
                    var conditions = write.IfMatch is null ? null : new TransactionalBatchItemRequestOptions { IfMatchEtag = write.IfMatch };
                    var id = CosmosIds.Encode(write.Key.Id);
                    Stream? body = write.Operation == WriteOperation.Delete ? null : Wrap(write);
                    if (body is not null)
                    {
                        bodies.Add(body);
                    }

                    batch = OperationOf(write) switch
                    {
                        WriteOperation.Create => batch.CreateItemStream(body!, conditions),
                        WriteOperation.Replace => batch.ReplaceItemStream(id, body!, conditions),
                        WriteOperation.Upsert => batch.UpsertItemStream(body!, conditions),
                        _ => batch.DeleteItem(id, conditions),
                    };
                }

                using var response = await batch.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                Charge("batch", writes[0].Container, response.RequestCharge);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var failed = FirstFailure(response, writes.Count);
                if (failed is null)
                {
                    ThrowIfFailed(writes[0], response.StatusCode, response.RetryAfter, response.ErrorMessage);
                    throw new CosmosException(response.ErrorMessage ?? "The transactional batch failed.", response.StatusCode, 0, response.ActivityId, response.RequestCharge);
                }

                var (index, status) = failed.Value;
                if (!IsMissingDeleteAllowed(writes[index], status))
                {
                    ThrowIfFailed(writes[index], status, response.RetryAfter, response.ErrorMessage);
                }

                // Nothing was applied; deleting what is already gone is a no-op, so drop it and go again.
                writes.RemoveAt(index);
            }
            finally
            {
                foreach (var body in bodies)
                {
                    await body.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static (int Index, HttpStatusCode Status)? FirstFailure(TransactionalBatchResponse response, int count)
    {
        for (var i = 0; i < Math.Min(count, response.Count); i++)
        {
            var status = response[i].StatusCode;
            if (!response[i].IsSuccessStatusCode && status != HttpStatusCode.FailedDependency)
            {
                return (i, status);
            }
        }

        return null;
    }

    private async Task ReadPageAsync(FeedIterator iterator, string container, string operation, List<StoredDocument> into, CancellationToken cancellationToken)
    {
        using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
        Charge(operation, container, response.Headers.RequestCharge);
        ThrowIfFailed(response.StatusCode, RetryAfterOf(response.Headers), container, default, response.ErrorMessage);
        using var page = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var item in page.RootElement.GetProperty(DocumentsProperty).EnumerateArray())
        {
            into.Add(Unwrap(item));
        }
    }

    /// <summary>
    /// An upsert that must match an ETag is a replace: the document has to exist at that version.
    /// A transactional batch cannot make a read conditional, so a check is the conditional replace
    /// (or create) of the same body: it holds the batch to the same condition and moves the ETag on.
    /// </summary>
    private static WriteOperation OperationOf(DocumentWrite write) => write switch
    {
        { Operation: WriteOperation.Upsert, IfMatch: not null } => WriteOperation.Replace,
        { Operation: WriteOperation.Check, IfMatch: null } => WriteOperation.Create,
        { Operation: WriteOperation.Check } => WriteOperation.Replace,
        _ => write.Operation,
    };

    private static string OperationName(DocumentWrite write) => OperationOf(write) switch
    {
        WriteOperation.Create => "create",
        WriteOperation.Replace => "replace",
        WriteOperation.Upsert => "upsert",
        _ => "delete",
    };

    private static bool IsMissingDeleteAllowed(DocumentWrite write, HttpStatusCode status) =>
        write.Operation == WriteOperation.Delete && write.IfMatch is null && status == HttpStatusCode.NotFound;

    private static void ThrowIfFailed(DocumentWrite write, HttpStatusCode status, TimeSpan? retryAfter, string? error)
    {
        var reason = (status, OperationOf(write)) switch
        {
            (HttpStatusCode.Conflict, _) => "it already exists",
            (HttpStatusCode.PreconditionFailed, _) => "it changed since it was read",
            (HttpStatusCode.NotFound, WriteOperation.Replace) when write.IfMatch is not null => "it no longer exists",
            (HttpStatusCode.NotFound, WriteOperation.Replace) => "it does not exist",
            (HttpStatusCode.NotFound, WriteOperation.Delete) => "it no longer exists",
            _ => null,
        };
        if (reason is not null)
        {
            throw new DocumentConflictException(write.Container, write.Key, reason);
        }

        ThrowIfFailed(status, retryAfter, write.Container, write.Key, error);
    }

    private static void ThrowIfFailed(HttpStatusCode status, TimeSpan? retryAfter, string container, DocumentKey key, string? error)
    {
        if ((int)status is >= 200 and < 300)
        {
            return;
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            throw new CosmosThrottledException(container, retryAfter);
        }

        throw new CosmosException($"Cosmos DB answered {(int)status} for {container} '{key}': {error}", status, 0, string.Empty, 0);
    }

    private static TimeSpan? RetryAfterOf(Headers headers) =>
        headers.TryGetValue("x-ms-retry-after-ms", out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static MemoryStream Wrap(DocumentWrite write)
    {
        if (write.Body.IsEmpty)
        {
            throw new ArgumentException($"A {write.Operation} of {write.Container} '{write.Key}' needs a JSON body.", nameof(write));
        }

        var stream = new MemoryStream(write.Body.Length + 96);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("id", CosmosIds.Encode(write.Key.Id));
            json.WriteString("pk", write.Key.PartitionKey);
            if (write.TimeToLive is { } ttl)
            {
                json.WriteNumber("ttl", Math.Max(1, (long)Math.Ceiling(ttl.TotalSeconds)));
            }

            json.WritePropertyName("doc");
            json.WriteRawValue(write.Body.Span);
            json.WriteEndObject();
        }

        stream.Position = 0;
        return stream;
    }

    private static StoredDocument Unwrap(JsonElement item) => new(
        new DocumentKey(item.GetProperty("pk").GetString()!, CosmosIds.Decode(item.GetProperty("id").GetString()!)),
        item.GetProperty("_etag").GetString()!,
        JsonMarshal.GetRawUtf8Value(item.GetProperty("doc")).ToArray());

    private static void Charge(string operation, string container, double requestCharge) =>
        HubTelemetry.StoreRequestCharge.Record(requestCharge, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("container", container));

    private static string EncodeToken(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), ex);
        }
    }

    private Container ContainerOf(string container) => _containers.GetOrAdd(container, _database.GetContainer);
}
