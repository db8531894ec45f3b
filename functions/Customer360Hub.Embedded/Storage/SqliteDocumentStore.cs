using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Customer360Hub.Embedded.Sqlite;
using Customer360Hub.Privacy;
using Customer360Hub.Storage;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Storage;

/// <summary>
/// The embedded profile store: every container in one SQLite table keyed by
/// (container, partition key, id). A write batch is one transaction: all of it or nothing.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore, IDocumentWriteCounter, IStorageScrubber, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS documents (
            container TEXT NOT NULL,
            pk TEXT NOT NULL,
            id TEXT NOT NULL,
            etag TEXT NOT NULL,
            body BLOB NOT NULL,
            expires_at INTEGER);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_documents_key ON documents(container, pk, id);
        CREATE INDEX IF NOT EXISTS ix_documents_expiry ON documents(expires_at) WHERE expires_at IS NOT NULL;
        """;

    private const string ReadSql = "SELECT etag, body, expires_at FROM documents WHERE container = $c AND pk = $pk AND id = $id";

    private const int WriteCounterBuckets = 1 << 16;

    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;

    // Fixed memory whatever the number of documents: a bucket per key hash, bumped after each commit.
    private readonly long[] _writeCounters = new long[WriteCounterBuckets];

    public SqliteDocumentStore(string path, TimeProvider time, SqliteDurability durability = SqliteDurability.Normal, TimeSpan? busyTimeout = null)
    {
        _time = time;
        _db = new SqliteDatabase(path, durability, Schema, busyTimeout);
    }

    public Task<IReadOnlyList<StoredDocument>> ReadAsync(string container, IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = Now();
        return Task.FromResult(_db.Read<IReadOnlyList<StoredDocument>>(s =>
        {
            var found = new List<StoredDocument>(keys.Count);
            foreach (var key in keys)
            {
                using var reader = Keyed(s.Prepared(ReadSql, "$c", "$pk", "$id"), container, key).ExecuteReader();
                if (reader.Read() && !Expired(reader, 2, now))
                {
                    found.Add(new StoredDocument(key, reader.GetString(0), (byte[])reader.GetValue(1)));
                }
            }

            return found;
        }));
    }

    public Task<DocumentPage> QueryAsync(string container, string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var after = query.ContinuationToken is null ? null : DecodeToken(query.ContinuationToken);
        var (low, high) = PrefixRange(query.IdPrefix);
        if (query.IdBelow is { } below && (high is null || string.CompareOrdinal(below, high) < 0))
        {
            high = below;
        }

        var sql = query.Descending
            ? "SELECT id, etag, body, expires_at FROM documents WHERE container = $c AND pk = $pk AND id >= $low AND ($high IS NULL OR id < $high) AND ($after IS NULL OR id < $after) ORDER BY id DESC LIMIT $limit"
            : "SELECT id, etag, body, expires_at FROM documents WHERE container = $c AND pk = $pk AND id >= $low AND ($high IS NULL OR id < $high) AND ($after IS NULL OR id > $after) ORDER BY id LIMIT $limit";
        var now = Now();
        return Task.FromResult(_db.Read(s =>
        {
            var select = s.Command(sql);
            select.Parameters.AddWithValue("$c", container);
            select.Parameters.AddWithValue("$pk", partitionKey);
            select.Parameters.AddWithValue("$low", low);
            select.Parameters.AddWithValue("$high", (object?)high ?? DBNull.Value);
            select.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
            select.Parameters.AddWithValue("$limit", query.Limit + 1);
            var items = new List<StoredDocument>();
            var more = false;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                if (items.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                if (!Expired(reader, 3, now))
                {
                    items.Add(new StoredDocument(new DocumentKey(partitionKey, reader.GetString(0)), reader.GetString(1), (byte[])reader.GetValue(2)));
                }
            }

            return new DocumentPage(items, more && items.Count > 0 ? EncodeToken(items[^1].Key.Id) : null);
        }));
    }

    public Task WriteAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = Now();
        return WriteAndCountAsync(writes, now, cancellationToken);
    }

    /// <summary>Counts writes only: a document reaching its time to live is not a write.</summary>
    public long WritesToPartition(string partitionKey) => Volatile.Read(ref _writeCounters[Bucket(partitionKey)]);

    public async IAsyncEnumerable<StoredDocument> ScanAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Keyset pages keep each read short, so a long scan never holds back the WAL checkpoint.
        string? lastPk = null, lastId = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Now();
            var page = _db.Read(s =>
            {
                var select = s.Command("""
                    SELECT pk, id, etag, body, expires_at FROM documents
                    WHERE container = $c AND ($pk IS NULL OR pk > $pk OR (pk = $pk AND id > $id))
                    ORDER BY pk, id LIMIT 500
                    """);
                select.Parameters.AddWithValue("$c", container);
                select.Parameters.AddWithValue("$pk", (object?)lastPk ?? DBNull.Value);
                select.Parameters.AddWithValue("$id", (object?)lastId ?? DBNull.Value);
                var rows = new List<(StoredDocument Document, bool Expired)>();
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((new StoredDocument(new DocumentKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2), (byte[])reader.GetValue(3)), Expired(reader, 4, now)));
                }

                return rows;
            });

            foreach (var (document, expired) in page)
            {
                if (!expired)
                {
                    yield return document;
                }
            }

            if (page.Count < 500)
            {
                yield break;
            }

            (lastPk, lastId) = (page[^1].Document.Key.PartitionKey, page[^1].Document.Key.Id);
            await Task.Yield();
        }
    }

    /// <summary>Deletes documents whose time to live has passed; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        return _db.WriteAsync(s =>
        {
            var purge = s.Command("DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= $now");
            purge.Parameters.AddWithValue("$now", now);
            return purge.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Documents and their body bytes per container (sizing and benchmarks; reads every row, so not for hot paths).</summary>
    public IReadOnlyDictionary<string, (long Documents, long BodyBytes)> SizeByContainer() => _db.Read(s =>
    {
        var select = s.Command("SELECT container, COUNT(*), SUM(LENGTH(body)) FROM documents GROUP BY container");
        var sizes = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            sizes[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return sizes;
    });

    public Task ScrubAsync(CancellationToken cancellationToken = default) => _db.ScrubAsync(cancellationToken);

    public void Dispose() => _db.Dispose();

    private static int Bucket(string partitionKey) => partitionKey.GetHashCode(StringComparison.Ordinal) & (WriteCounterBuckets - 1);

    private async Task WriteAndCountAsync(IReadOnlyList<DocumentWrite> writes, long now, CancellationToken cancellationToken)
    {
        await _db.WriteAsync(s =>
        {
            foreach (var write in writes)
            {
                Apply(s, write, now);
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        // Counted after the commit: a reader that noted the old number before its read may have
        // read either version, and sees the number change either way.
        foreach (var write in writes)
        {
            if (write.Operation != WriteOperation.Check)
            {
                Interlocked.Increment(ref _writeCounters[Bucket(write.Key.PartitionKey)]);
            }
        }
    }

    /// <summary>
    /// One write, in one statement whenever it can be: unconditional upserts and deletes need not
    /// know what is there, and a conditional write carries its condition in its WHERE clause. Only a
    /// write that found its condition false reads the document, to say why.
    /// </summary>
    private static void Apply(SqliteSession s, DocumentWrite write, long now)
    {
        var expires = write.TimeToLive is { } ttl ? now + (long)ttl.TotalMilliseconds : (object)DBNull.Value;
        switch (write.Operation)
        {
            case WriteOperation.Delete when write.IfMatch is null:
                Run(s.Prepared("DELETE FROM documents WHERE container = $c AND pk = $pk AND id = $id", "$c", "$pk", "$id"), write.Container, write.Key);
                return;
            case WriteOperation.Delete:
                if (Run(s.Prepared(
                    "DELETE FROM documents WHERE container = $c AND pk = $pk AND id = $id AND etag = $if AND (expires_at IS NULL OR expires_at > $now)",
                    "$c", "$pk", "$id", "$if", "$now"), write.Container, write.Key, write.IfMatch, now) == 0)
                {
                    throw Conflict(s, write, now);
                }

                return;
            case WriteOperation.Check:
                var check = Keyed(s.Prepared(
                    "SELECT etag FROM documents WHERE container = $c AND pk = $pk AND id = $id AND (expires_at IS NULL OR expires_at > $now)",
                    "$c", "$pk", "$id", "$now"), write.Container, write.Key);
                check.Parameters[3].Value = now;
                var etag = check.ExecuteScalar() as string;
                if (etag != write.IfMatch)
                {
                    throw new DocumentConflictException(write.Container, write.Key, etag is null ? "it no longer exists" : write.IfMatch is null ? "it already exists" : "it changed since it was read");
                }

                return;
            case WriteOperation.Upsert when write.IfMatch is null:
                Run(s.Prepared("""
                    INSERT INTO documents (container, pk, id, etag, body, expires_at) VALUES ($c, $pk, $id, $etag, $body, $expires)
                    ON CONFLICT (container, pk, id) DO UPDATE SET etag = excluded.etag, body = excluded.body, expires_at = excluded.expires_at
                    """, "$c", "$pk", "$id", "$etag", "$body", "$expires"), write.Container, write.Key, NewETag(), Body(write), expires);
                return;
            case WriteOperation.Create when write.IfMatch is not null:
                // A version to match means the document exists, so creating it cannot succeed.
                throw Conflict(s, write, now);
            case WriteOperation.Create:
                // An expired document counts as absent, so creating over it succeeds.
                if (Run(s.Prepared("""
                    INSERT INTO documents (container, pk, id, etag, body, expires_at) VALUES ($c, $pk, $id, $etag, $body, $expires)
                    ON CONFLICT (container, pk, id) DO UPDATE SET etag = excluded.etag, body = excluded.body, expires_at = excluded.expires_at
                    WHERE documents.expires_at IS NOT NULL AND documents.expires_at <= $now
                    """, "$c", "$pk", "$id", "$etag", "$body", "$expires", "$now"), write.Container, write.Key, NewETag(), Body(write), expires, now) == 0)
                {
                    throw new DocumentConflictException(write.Container, write.Key, "it already exists");
                }

                return;
            case WriteOperation.Replace when write.IfMatch is null:
                if (Run(s.Prepared(
                    "UPDATE documents SET etag = $etag, body = $body, expires_at = $expires WHERE container = $c AND pk = $pk AND id = $id AND (expires_at IS NULL OR expires_at > $now)",
                    "$c", "$pk", "$id", "$etag", "$body", "$expires", "$now"), write.Container, write.Key, NewETag(), Body(write), expires, now) == 0)
                {
                    throw new DocumentConflictException(write.Container, write.Key, "it does not exist");
                }

                return;
            default:
                // Replace, or upsert, conditional on the ETag read.
                if (Run(s.Prepared(
                    "UPDATE documents SET etag = $etag, body = $body, expires_at = $expires WHERE container = $c AND pk = $pk AND id = $id AND etag = $if AND (expires_at IS NULL OR expires_at > $now)",
                    "$c", "$pk", "$id", "$etag", "$body", "$expires", "$now", "$if"), write.Container, write.Key, NewETag(), Body(write), expires, now, write.IfMatch) == 0)
                {
                    throw Conflict(s, write, now);
                }

                return;
        }
    }

    /// <summary>Sets a prepared statement's first three parameters, which are always container, partition key and id.</summary>
    private static SqliteCommand Keyed(SqliteCommand command, string container, DocumentKey key)
    {
        command.Parameters[0].Value = container;
        command.Parameters[1].Value = key.PartitionKey;
        command.Parameters[2].Value = key.Id;
        return command;
    }

    private static int Run(SqliteCommand command, string container, DocumentKey key, params object?[] values)
    {
        Keyed(command, container, key);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[3 + i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>Why a conditional write found its condition false.</summary>
    private static DocumentConflictException Conflict(SqliteSession s, DocumentWrite write, long now)
    {
        using var reader = Keyed(s.Prepared("SELECT expires_at FROM documents WHERE container = $c AND pk = $pk AND id = $id", "$c", "$pk", "$id"), write.Container, write.Key).ExecuteReader();
        var exists = reader.Read() && !Expired(reader, 0, now);
        return new DocumentConflictException(write.Container, write.Key, exists ? "it changed since it was read" : "it no longer exists");
    }

    /// <summary>The body as an array, without a copy when it already is one.</summary>
    private static byte[] Body(DocumentWrite write) =>
        MemoryMarshal.TryGetArray(write.Body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : write.Body.ToArray();

    private static bool Expired(SqliteDataReader reader, int ordinal, long now) => !reader.IsDBNull(ordinal) && reader.GetInt64(ordinal) <= now;

    private static string NewETag() => "\"" + Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + "\"";

    /// <summary>The id range of a prefix: [prefix, prefix with its last character incremented).</summary>
    private static (string Low, string? High) PrefixRange(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return (string.Empty, null);
        }

        var last = prefix[^1];
        return last == char.MaxValue ? (prefix, null) : (prefix, prefix[..^1] + (char)(last + 1));
    }

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

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
