using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Sqlite;

/// <summary>
/// A SQLite file in WAL mode: one writer session behind a lock (SQLite has one writer anyway)
/// and a pool of reader sessions, so reads never wait for writes.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteDurability _durability;
    private const int CheckpointAttempts = 100;
    private static readonly TimeSpan CheckpointRetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteSession _writer;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private bool _disposed;
    private int _disposeStarted;

    public SqliteDatabase(string path, SqliteDurability durability, string schema, TimeSpan? busyTimeout = null)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        Path = path;
        _durability = durability;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling((busyTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds),
        }.ToString();
        _writer = Open();
        _writer.Execute("PRAGMA journal_mode=WAL;");
        _writer.InTransaction(s =>
        {
            s.Execute(schema);
            return 0;
        });
    }

    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it commits or none of it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writer.InTransaction(work);
        }
        catch (SqliteException ex) when (SqliteErrors.Explain(ex, Path) is { } explained)
        {
            throw explained;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> outside any write transaction (a consistent WAL snapshot per
    /// statement): on the writer's connection when no write is running, else on a pooled reader.
    /// </summary>
    /// <remarks>
    /// In WAL mode a connection drops its whole page cache when anything was committed since its
    /// last read, so under a steady stream of commits a pooled reader reads nearly every page
    /// from the file again. The writer's own commits leave its cache valid, so it keeps the hot
    /// pages; it never waits for a write here, so reads still never wait for writes.
    /// </remarks>
    public T Read<T>(Func<SqliteSession, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writeLock.Wait(0))
        {
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return work(_writer);
            }
            catch (SqliteException ex) when (SqliteErrors.Explain(ex, Path) is { } explained)
            {
                throw explained;
            }
            finally
            {
                _writeLock.Release();
            }
        }

        var session = _readers.TryTake(out var pooled) ? pooled : Open();
        try
        {
            return work(session);
        }
        catch (SqliteException ex) when (SqliteErrors.Explain(ex, Path) is { } explained)
        {
            throw explained;
        }
        finally
        {
            _readers.Add(session);
        }
    }

    /// <summary>
    /// Leaves no deleted content in any file: <c>secure_delete</c> already zeroes deleted rows, but
    /// index interior pages can still hold copies of deleted keys, so the database is rebuilt
    /// (VACUUM) and the write-ahead log checkpointed and truncated to zero bytes. Blocks writers
    /// for as long as the rebuild takes (erasures are rare; the cost grows with the file).
    /// </summary>
    public async Task ScrubAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await CheckpointAsync(cancellationToken).ConfigureAwait(false);
            _writer.Execute("VACUUM;");
            await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (SqliteErrors.Explain(ex, Path) is { } explained)
        {
            throw explained;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Copies the log into the database and truncates it. A reader still on an older snapshot makes
    /// the truncation report "busy" (no error, no busy handler), so it is tried again until readers
    /// have moved on: reads are short, but under load one is nearly always running somewhere.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using (var command = _writer.Connection.CreateCommand())
            {
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                using var reader = command.ExecuteReader();
                if (!reader.Read() || reader.GetInt32(0) == 0)
                {
                    return;
                }
            }

            if (attempt == CheckpointAttempts)
            {
                throw new DataFolderUnavailableException($"The store file '{Path}' is busy; its log could not be truncated. Retry when readers are done.");
            }

            await Task.Delay(CheckpointRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // Idempotent: the container may dispose the same instance under several service types.
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        _writeLock.Wait();
        _disposed = true;
        _writer.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _writeLock.Release();
    }

    private SqliteSession Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException ex) when (SqliteErrors.Explain(ex, Path) is { } explained)
        {
            connection.Dispose();
            throw explained;
        }

        var session = new SqliteSession(connection);

        // The default page cache (2 MiB) holds a small fraction of a store's indexes, so the
        // engines' point reads went to the file again and again; 32 MiB per connection keeps the
        // hot part of the key index and recent documents in memory.
        session.Execute((_durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;")
            + " PRAGMA foreign_keys=OFF; PRAGMA secure_delete=ON; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;");
        return session;
    }
}
