using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Customer360Hub.Storage;

/// <summary>A typed view of one container: reads deserialize, writes serialize, the port stays untyped.</summary>
public sealed class DocumentSet<T>(IDocumentStore store, string container, JsonTypeInfo<T> typeInfo)
    where T : class
{
    public string Container => container;

    public async Task<Versioned<T>?> GetAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        var found = await store.ReadAsync(container, [key], cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : ToVersioned(found[0]);
    }

    public async Task<IReadOnlyList<Versioned<T>>> GetManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var found = await store.ReadAsync(container, keys, cancellationToken).ConfigureAwait(false);
        return found.Select(ToVersioned).ToList();
    }

    public async Task<(IReadOnlyList<Versioned<T>> Items, string? ContinuationToken)> QueryAsync(
        string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        var page = await store.QueryAsync(container, partitionKey, query, cancellationToken).ConfigureAwait(false);
        return (page.Items.Select(ToVersioned).ToList(), page.ContinuationToken);
    }

    /// <summary>Every document of the partition (small partitions only: index keys, timelines of one profile).</summary>
    public Task<IReadOnlyList<Versioned<T>>> QueryAllAsync(string partitionKey, CancellationToken cancellationToken = default) =>
        QueryAllAsync(partitionKey, null, cancellationToken);

    /// <summary>Every document of the partition whose id starts with <paramref name="idPrefix"/>.</summary>
    public async Task<IReadOnlyList<Versioned<T>>> QueryAllAsync(string partitionKey, string? idPrefix, CancellationToken cancellationToken = default)
    {
        var all = new List<Versioned<T>>();
        string? continuation = null;
        do
        {
            var (items, next) = await QueryAsync(partitionKey, new DocumentQuery(Limit: 1000, ContinuationToken: continuation, IdPrefix: idPrefix), cancellationToken).ConfigureAwait(false);
            all.AddRange(items);
            continuation = next;
        }
        while (continuation is not null);
        return all;
    }

    public async IAsyncEnumerable<Versioned<T>> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var document in store.ScanAsync(container, cancellationToken).ConfigureAwait(false))
        {
            yield return ToVersioned(document);
        }
    }

    public DocumentWrite Upsert(DocumentKey key, T document, string? ifMatch = null) =>
        new(container, key, WriteOperation.Upsert, Serialize(document), ifMatch);

    public DocumentWrite Create(DocumentKey key, T document) =>
        new(container, key, WriteOperation.Create, Serialize(document));

    public DocumentWrite Replace(DocumentKey key, T document, string ifMatch) =>
        new(container, key, WriteOperation.Replace, Serialize(document), ifMatch);

    public DocumentWrite Delete(DocumentKey key, string? ifMatch = null) =>
        new(container, key, WriteOperation.Delete, default, ifMatch);

    public byte[] Serialize(T document) => JsonSerializer.SerializeToUtf8Bytes(document, typeInfo);

    public T Deserialize(ReadOnlyMemory<byte> body) =>
        JsonSerializer.Deserialize(body.Span, typeInfo) ?? throw new JsonException($"A document in {container} is null.");

    private Versioned<T> ToVersioned(StoredDocument document) => new(document.Key, Deserialize(document.Body), document.ETag);
}
