using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Customer360Hub.Storage;

/// <summary>
/// Decoded documents kept by their exact stored bytes: a document read again with the same body
/// is not deserialized again. The check is the content itself (the same array, or equal bytes),
/// never an ETag, so a hit is right whatever store, unit of work or other writer produced it.
/// What a reader writes can be remembered with the body it wrote, so its next read is a hit too.
/// Decoded values are shared: callers treat them as immutable. When full, it starts over.
/// </summary>
internal sealed class DocumentCache<T>(JsonTypeInfo<T> typeInfo, int capacity)
    where T : class
{
    private readonly Dictionary<DocumentKey, Entry> _entries = [];
    private readonly Lock _lock = new();

    public T Decode(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Decode(document.Key, document.Body);
    }

    public T Decode(DocumentKey key, ReadOnlyMemory<byte> body)
    {
        Entry cached;
        bool found;
        lock (_lock)
        {
            found = _entries.TryGetValue(key, out cached);
        }

        if (found && Same(cached.Body, body))
        {
            return cached.Value;
        }

        var value = JsonSerializer.Deserialize(body.Span, typeInfo) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
        Remember(key, body, value);
        return value;
    }

    /// <summary>Records that <paramref name="body"/> decodes to <paramref name="value"/> (after writing it).</summary>
    public void Remember(DocumentKey key, ReadOnlyMemory<byte> body, T value)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(body, value);
        }
    }

    public void Forget(DocumentKey key)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }
    }

    private static bool Same(ReadOnlyMemory<byte> cached, ReadOnlyMemory<byte> read)
    {
        if (cached.Length != read.Length)
        {
            return false;
        }

        return (MemoryMarshal.TryGetArray(cached, out var a) && MemoryMarshal.TryGetArray(read, out var b) && ReferenceEquals(a.Array, b.Array) && a.Offset == b.Offset)
            || cached.Span.SequenceEqual(read.Span);
    }

    private readonly record struct Entry(ReadOnlyMemory<byte> Body, T Value);
}
