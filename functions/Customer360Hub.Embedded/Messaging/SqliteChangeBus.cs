using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Customer360Hub.Embedded.Sqlite;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Embedded.Messaging;

/// <summary>
/// The embedded change bus: a durable queue per subscription in one SQLite file. Messages stay
/// on disk until completed; a lease hides a message while it is handled and expires on a
/// crash, so nothing in flight is lost. The messages of one partition key go to one receiver at a
/// time, in order, and a receiver takes all of a key's waiting messages together (as a Service Bus
/// session does), so a handler can do the work of several changes to one profile once.
/// </summary>
public sealed class SqliteChangeBus : IChangeBus, IDeadLetterQueue, IMessageArrivalSignal, IMessageEraser, IStorageScrubber, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            subscription TEXT NOT NULL,
            message_id TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            subject TEXT NOT NULL,
            body BLOB NOT NULL,
            enqueued_at INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            delivery_count INTEGER NOT NULL DEFAULT 0,
            lock_token TEXT,
            last_error TEXT);
        CREATE INDEX IF NOT EXISTS ix_messages_queue ON messages(topic, subscription, seq);
        CREATE INDEX IF NOT EXISTS ix_messages_key ON messages(topic, subscription, partition_key, seq);
        CREATE TABLE IF NOT EXISTS dead_letters (
            seq INTEGER PRIMARY KEY,
            topic TEXT NOT NULL,
            subscription TEXT NOT NULL,
            message_id TEXT NOT NULL,
            partition_key TEXT NOT NULL,
            subject TEXT NOT NULL,
            body BLOB NOT NULL,
            delivery_count INTEGER NOT NULL,
            reason TEXT NOT NULL,
            dead_lettered_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_dead_letters_queue ON dead_letters(topic, subscription, seq);
        CREATE TABLE IF NOT EXISTS seen_ids (
            topic TEXT NOT NULL,
            message_id TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            PRIMARY KEY (topic, message_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_seen_ids_age ON seen_ids(seen_at);
        """;

    private const string ReceiveSql = """
        SELECT m.seq, m.message_id, m.partition_key, m.subject, m.body, m.delivery_count, m.enqueued_at
        FROM messages m
        WHERE m.topic = $topic AND m.subscription = $subscription AND m.visible_at <= $now
          AND NOT EXISTS (
              SELECT 1 FROM messages e
              WHERE e.topic = m.topic AND e.subscription = m.subscription
                AND e.partition_key = m.partition_key AND e.seq < m.seq)
        ORDER BY m.seq
        LIMIT $limit
        """;

    /// <summary>The messages after a key's head, in order, with whether each may be taken now.</summary>
    private const string FollowersSql = """
        SELECT seq, message_id, subject, body, delivery_count, enqueued_at, visible_at <= $now
        FROM messages
        WHERE topic = $topic AND subscription = $subscription AND partition_key = $key AND seq > $after
        ORDER BY seq
        LIMIT $limit
        """;

    private readonly SqliteDatabase _db;
    private readonly SqliteBusOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _subscriptions;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<long>> _enqueued = new(StringComparer.Ordinal);
    private long _lastPrune;

    public SqliteChangeBus(string path, IOptions<SqliteBusOptions> options, TimeProvider time, SqliteDurability durability = SqliteDurability.Normal, IReadOnlyDictionary<string, IReadOnlyList<string>>? subscriptions = null, TimeSpan? busyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _subscriptions = subscriptions ?? Topics.Subscriptions;
        _db = new SqliteDatabase(path, durability, Schema, busyTimeout);
    }

    public async Task PublishAsync(string topic, IReadOnlyList<BusMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!_subscriptions.TryGetValue(topic, out var subscriptions))
        {
            throw new ArgumentException($"Unknown topic '{topic}'.", nameof(topic));
        }

        if (messages.Count == 0)
        {
            return;
        }

        var now = Now();
        var window = (long)_options.DuplicateDetectionWindow.TotalMilliseconds;
        var enqueued = await _db.WriteAsync(s =>
        {
            var kept = 0;
            foreach (var message in messages)
            {
                if (window > 0 && !FirstSighting(s, topic, message.MessageId, now, window))
                {
                    continue;
                }

                kept++;

                foreach (var subscription in subscriptions)
                {
                    var insert = s.Command("""
                        INSERT INTO messages (topic, subscription, message_id, partition_key, subject, body, enqueued_at, visible_at)
                        VALUES ($topic, $subscription, $id, $key, $subject, $body, $now, $now)
                        """);
                    insert.Parameters.AddWithValue("$topic", topic);
                    insert.Parameters.AddWithValue("$subscription", subscription);
                    insert.Parameters.AddWithValue("$id", message.MessageId);
                    insert.Parameters.AddWithValue("$key", message.PartitionKey);
                    insert.Parameters.AddWithValue("$subject", message.Subject);
                    insert.Parameters.Add("$body", SqliteType.Blob).Value = message.Body.ToArray();
                    insert.Parameters.AddWithValue("$now", now);
                    insert.ExecuteNonQuery();
                }
            }

            if (window > 0 && now - Interlocked.Read(ref _lastPrune) > 60_000)
            {
                Interlocked.Exchange(ref _lastPrune, now);
                var prune = s.Command("DELETE FROM seen_ids WHERE seen_at < $cutoff");
                prune.Parameters.AddWithValue("$cutoff", now - window);
                prune.ExecuteNonQuery();
            }

            return kept;
        }, cancellationToken).ConfigureAwait(false);

        Interlocked.Add(ref _enqueued.GetOrAdd(topic, _ => new StrongBox<long>()).Value, enqueued);
        Signal(topic);
    }

    /// <summary>Messages this instance enqueued on the topic (published and not dropped as duplicates), for progress and benchmarks.</summary>
    public long Enqueued(string topic) => _enqueued.TryGetValue(topic, out var count) ? Interlocked.Read(ref count.Value) : 0;

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string topic, string subscription, int maxMessages, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var now = Now();
        var lockedUntil = now + (long)_options.LockDuration.TotalMilliseconds;
        return await _db.WriteAsync(s =>
        {
            // Heads: the first message of each key that nobody holds, oldest first.
            var select = s.Command(ReceiveSql);
            select.Parameters.AddWithValue("$topic", topic);
            select.Parameters.AddWithValue("$subscription", subscription);
            select.Parameters.AddWithValue("$now", now);
            select.Parameters.AddWithValue("$limit", maxMessages);
            var heads = new List<ReceivedMessage>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    heads.Add(new ReceivedMessage(
                        topic,
                        subscription,
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        (byte[])reader.GetValue(4),
                        reader.GetInt32(5) + 1,
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                        LockToken(reader.GetInt64(0))));
                }
            }

            // Each head brings the messages of its key queued behind it, up to the first one that
            // waits for a retry, so the key's order holds.
            var received = new List<ReceivedMessage>(heads.Count);
            foreach (var head in heads)
            {
                if (received.Count == maxMessages)
                {
                    break;
                }

                received.Add(head);
                var followers = s.Command(FollowersSql);
                followers.Parameters.AddWithValue("$topic", topic);
                followers.Parameters.AddWithValue("$subscription", subscription);
                followers.Parameters.AddWithValue("$key", head.PartitionKey);
                followers.Parameters.AddWithValue("$after", SeqOf(head));
                followers.Parameters.AddWithValue("$now", now);
                followers.Parameters.AddWithValue("$limit", maxMessages - received.Count);
                using var reader = followers.ExecuteReader();
                while (reader.Read() && reader.GetInt64(6) == 1)
                {
                    received.Add(new ReceivedMessage(
                        topic,
                        subscription,
                        reader.GetString(1),
                        head.PartitionKey,
                        reader.GetString(2),
                        (byte[])reader.GetValue(3),
                        reader.GetInt32(4) + 1,
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                        LockToken(reader.GetInt64(0))));
                }
            }

            foreach (var message in received)
            {
                var lease = s.Command("UPDATE messages SET visible_at = $until, delivery_count = delivery_count + 1, lock_token = $token WHERE seq = $seq");
                lease.Parameters.AddWithValue("$until", lockedUntil);
                lease.Parameters.AddWithValue("$token", message.LockToken);
                lease.Parameters.AddWithValue("$seq", SeqOf(message));
                lease.ExecuteNonQuery();
            }

            return (IReadOnlyList<ReceivedMessage>)received;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task CompleteAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return _db.WriteAsync(s =>
        {
            foreach (var message in messages)
            {
                // The lock token must still match: a message whose lease expired belongs to its new receiver.
                var delete = s.Command("DELETE FROM messages WHERE seq = $seq AND lock_token = $token");
                delete.Parameters.AddWithValue("$seq", SeqOf(message));
                delete.Parameters.AddWithValue("$token", message.LockToken);
                delete.ExecuteNonQuery();
            }

            return 0;
        }, cancellationToken);
    }

    public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.DeliveryCount >= _options.MaxDeliveryCount)
        {
            return DeadLetterAsync(message, $"gave up after {message.DeliveryCount} deliveries; last error: {reason}", cancellationToken);
        }

        var retryAt = Now() + (long)RetryDelay(message.DeliveryCount).TotalMilliseconds;
        return _db.WriteAsync(s =>
        {
            var retry = s.Command("UPDATE messages SET visible_at = $at, lock_token = NULL, last_error = $reason WHERE seq = $seq AND lock_token = $token");
            retry.Parameters.AddWithValue("$at", retryAt);
            retry.Parameters.AddWithValue("$reason", reason);
            retry.Parameters.AddWithValue("$seq", SeqOf(message));
            retry.Parameters.AddWithValue("$token", message.LockToken);
            return retry.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task DeadLetterAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = Now();
        return _db.WriteAsync(s =>
        {
            var move = s.Command("""
                INSERT INTO dead_letters (seq, topic, subscription, message_id, partition_key, subject, body, delivery_count, reason, dead_lettered_at)
                SELECT seq, topic, subscription, message_id, partition_key, subject, body, delivery_count, $reason, $now
                FROM messages WHERE seq = $seq AND lock_token = $token
                """);
            move.Parameters.AddWithValue("$reason", reason);
            move.Parameters.AddWithValue("$now", now);
            move.Parameters.AddWithValue("$seq", SeqOf(message));
            move.Parameters.AddWithValue("$token", message.LockToken);
            if (move.ExecuteNonQuery() == 1)
            {
                HubTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>("topic", message.Topic), new KeyValuePair<string, object?>("subscription", message.Subscription));
                var delete = s.Command("DELETE FROM messages WHERE seq = $seq");
                delete.Parameters.AddWithValue("$seq", SeqOf(message));
                delete.ExecuteNonQuery();
            }

            return 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, string subscription, int maxCount, CancellationToken cancellationToken = default) =>
        Task.FromResult(_db.Read<IReadOnlyList<DeadLetter>>(s =>
        {
            var select = s.Command("""
                SELECT message_id, partition_key, subject, body, delivery_count, reason, dead_lettered_at
                FROM dead_letters WHERE topic = $topic AND subscription = $subscription ORDER BY seq LIMIT $limit
                """);
            select.Parameters.AddWithValue("$topic", topic);
            select.Parameters.AddWithValue("$subscription", subscription);
            select.Parameters.AddWithValue("$limit", maxCount);
            var letters = new List<DeadLetter>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                letters.Add(new DeadLetter(
                    topic,
                    subscription,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    (byte[])reader.GetValue(3),
                    reader.GetInt32(4),
                    reader.GetString(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }

            return letters;
        }));

    public async Task<int> ReplayAsync(string topic, string subscription, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var replayed = await _db.WriteAsync(s =>
        {
            var select = s.Command("SELECT seq, message_id FROM dead_letters WHERE topic = $topic AND subscription = $subscription ORDER BY seq");
            select.Parameters.AddWithValue("$topic", topic);
            select.Parameters.AddWithValue("$subscription", subscription);
            var chosen = new List<long>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (messageIds is null || messageIds.Contains(reader.GetString(1)))
                    {
                        chosen.Add(reader.GetInt64(0));
                    }
                }
            }

            foreach (var seq in chosen)
            {
                // Back at the end of the queue as a fresh delivery, like a Service Bus resend.
                var requeue = s.Command("""
                    INSERT INTO messages (topic, subscription, message_id, partition_key, subject, body, enqueued_at, visible_at)
                    SELECT topic, subscription, message_id, partition_key, subject, body, $now, $now FROM dead_letters WHERE seq = $seq
                    """);
                requeue.Parameters.AddWithValue("$now", now);
                requeue.Parameters.AddWithValue("$seq", seq);
                requeue.ExecuteNonQuery();
                var delete = s.Command("DELETE FROM dead_letters WHERE seq = $seq");
                delete.Parameters.AddWithValue("$seq", seq);
                delete.ExecuteNonQuery();
            }

            return chosen.Count;
        }, cancellationToken).ConfigureAwait(false);

        if (replayed > 0)
        {
            Signal(topic);
        }

        return replayed;
    }

    public async Task WaitAsync(string topic, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // A publish that happened while nobody waited leaves a completed signal behind, so the
        // next wait returns at once instead of sleeping through the message.
        var arrival = _arrivals.GetOrAdd(topic, NewSignal);
        if (!arrival.Task.IsCompleted)
        {
            await Task.WhenAny(arrival.Task, Task.Delay(timeout, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (arrival.Task.IsCompleted)
        {
            _arrivals.TryUpdate(topic, NewSignal(topic), arrival);
        }
    }

    public Task<int> EraseAsync(Func<ReadOnlyMemory<byte>, bool> carriesPerson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(carriesPerson);
        return _db.WriteAsync(s =>
        {
            var erased = 0;
            foreach (var table in new[] { "messages", "dead_letters" })
            {
                var matches = new List<long>();
                using (var reader = s.Command($"SELECT seq, body FROM {table}").ExecuteReader())
                {
                    while (reader.Read())
                    {
                        if (carriesPerson((byte[])reader.GetValue(1)))
                        {
                            matches.Add(reader.GetInt64(0));
                        }
                    }
                }

                foreach (var seq in matches)
                {
                    var delete = s.Command($"DELETE FROM {table} WHERE seq = $seq");
                    delete.Parameters.AddWithValue("$seq", seq);
                    erased += delete.ExecuteNonQuery();
                }
            }

            return erased;
        }, cancellationToken);
    }

    public Task ScrubAsync(CancellationToken cancellationToken = default) => _db.ScrubAsync(cancellationToken);

    /// <summary>Messages waiting or in flight on a subscription (for health and tests).</summary>
    public long CountActive(string topic, string subscription) => _db.Read(s =>
    {
        var count = s.Command("SELECT COUNT(*) FROM messages WHERE topic = $topic AND subscription = $subscription");
        count.Parameters.AddWithValue("$topic", topic);
        count.Parameters.AddWithValue("$subscription", subscription);
        return (long)count.ExecuteScalar()!;
    });

    /// <summary>Whether anything waits or is in flight on a subscription; unlike counting, as cheap however long the queue.</summary>
    public bool HasActive(string topic, string subscription) => _db.Read(s =>
    {
        var any = s.Command("SELECT EXISTS (SELECT 1 FROM messages WHERE topic = $topic AND subscription = $subscription)");
        any.Parameters.AddWithValue("$topic", topic);
        any.Parameters.AddWithValue("$subscription", subscription);
        return (long)any.ExecuteScalar()! == 1;
    });

    public void Dispose() => _db.Dispose();

    private static TaskCompletionSource NewSignal(string topic) => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal(string topic) => _arrivals.GetOrAdd(topic, NewSignal).TrySetResult();

    private static bool FirstSighting(SqliteSession s, string topic, string messageId, long now, long window)
    {
        var seen = s.Command("""
            INSERT INTO seen_ids (topic, message_id, seen_at) VALUES ($topic, $id, $now)
            ON CONFLICT (topic, message_id) DO UPDATE SET seen_at = excluded.seen_at WHERE seen_ids.seen_at < $cutoff
            """);
        seen.Parameters.AddWithValue("$topic", topic);
        seen.Parameters.AddWithValue("$id", messageId);
        seen.Parameters.AddWithValue("$now", now);
        seen.Parameters.AddWithValue("$cutoff", now - window);
        return seen.ExecuteNonQuery() == 1;
    }

    private static string LockToken(long seq) => seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N");

    private static long SeqOf(ReceivedMessage message)
    {
        var colon = message.LockToken.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(message.LockToken.AsSpan(0, colon), out var seq)
            ? seq
            : throw new ArgumentException("The lock token was not issued by this bus.", nameof(message));
    }

    private TimeSpan RetryDelay(int deliveryCount)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, deliveryCount - 1));
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
