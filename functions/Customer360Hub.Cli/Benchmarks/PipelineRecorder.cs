using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;
using Customer360Hub.Changes;
using Customer360Hub.Messaging;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// Watches what the hub publishes (through a <see cref="PublishTap"/>): keeps the source changes
/// pulled in a file (the input of the store-only ceiling run), keeps a sample of
/// profile ids for the API readers, and, while a freshness phase runs, hands a sample of pulled
/// party changes to the probes that watch for them in the API.
/// </summary>
internal sealed class PipelineRecorder : IDisposable
{
    private const int ReservoirSize = 4096;

    private readonly FileStream _changes;
    private readonly Lock _gate = new();
    private readonly string[] _profileIds = new string[ReservoirSize];
    private long _profileIdsSeen;
    private long _probeEveryTicks;
    private long _lastProbeAt;

    public PipelineRecorder(string changesFile)
    {
        ChangesFile = changesFile;
        _changes = new FileStream(changesFile, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
    }

    public string ChangesFile { get; }

    /// <summary>Pulled party changes to look for in the API (filled during a freshness phase only).</summary>
    public Channel<SourceChange> Probes { get; } = Channel.CreateUnbounded<SourceChange>();

    public void OnPublished(string topic, IReadOnlyList<BusMessage> messages)
    {
        if (topic == Topics.ProfileChanges)
        {
            lock (_gate)
            {
                foreach (var message in messages)
                {
                    // Reservoir sampling keeps a uniform sample of every profile announced so far.
                    var seen = ++_profileIdsSeen;
                    var slot = seen <= ReservoirSize ? seen - 1 : Random.Shared.NextInt64(seen);
                    if (slot < ReservoirSize)
                    {
                        _profileIds[slot] = message.PartitionKey;
                    }
                }
            }

            return;
        }

        if (topic != Topics.SourceChanges)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var message in messages)
            {
                Write(Encoding.UTF8.GetBytes(message.MessageId));
                Write(Encoding.UTF8.GetBytes(message.PartitionKey));
                Write(Encoding.UTF8.GetBytes(message.Subject));
                Write(message.Body.Span);
            }
        }

        var every = Interlocked.Read(ref _probeEveryTicks);
        if (every > 0)
        {
            Sample(messages, every);
        }
    }

    /// <summary>A random profile id announced so far; null before the first.</summary>
    public string? AnyProfileId()
    {
        lock (_gate)
        {
            var filled = (int)Math.Min(_profileIdsSeen, ReservoirSize);
            return filled == 0 ? null : _profileIds[Random.Shared.Next(filled)];
        }
    }

    /// <summary>From now on, hand at most one pulled party change per <paramref name="interval"/> to the probes.</summary>
    public void StartProbing(TimeSpan interval) => Interlocked.Exchange(ref _probeEveryTicks, Math.Max(1, interval.Ticks));

    public void StopProbing()
    {
        Interlocked.Exchange(ref _probeEveryTicks, 0);
        Probes.Writer.TryComplete();
    }

    /// <summary>Flushes the captured changes so the ceiling run can read them.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            _changes.Flush();
        }
    }

    public void Dispose() => _changes.Dispose();

    /// <summary>Reads back what <see cref="OnPublished"/> captured: the source changes as they were published.</summary>
    public static IEnumerable<BusMessage> ReadChanges(string changesFile)
    {
        using var file = new FileStream(changesFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
        while (Read(file) is { } id)
        {
            yield return new BusMessage(Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(Read(file)!), Encoding.UTF8.GetString(Read(file)!), Read(file)!);
        }
    }

    private static byte[]? Read(FileStream file)
    {
        Span<byte> length = stackalloc byte[4];
        if (file.Read(length) < 4)
        {
            return null;
        }

        var bytes = new byte[BinaryPrimitives.ReadInt32LittleEndian(length)];
        file.ReadExactly(bytes);
        return bytes;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        _changes.Write(length);
        _changes.Write(bytes);
    }

    private void Sample(IReadOnlyList<BusMessage> messages, long everyTicks)
    {
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastProbeAt);
        if (now - last < everyTicks || Interlocked.CompareExchange(ref _lastProbeAt, now, last) != last)
        {
            return;
        }

        foreach (var message in messages)
        {
            if (message.Subject != nameof(RecordKind.Party))
            {
                continue;
            }

            try
            {
                var change = SourceChangeSerializer.Deserialize(message.Body.Span);
                if (change.Operation == ChangeOperation.Upsert && change.Attributes.ContainsKey(CanonicalFields.Email))
                {
                    Probes.Writer.TryWrite(change);
                    return;
                }
            }
            catch (MalformedChangeException)
            {
                // Not for the probes; the resolver deals with it.
            }
        }
    }
}
