using Customer360Hub.Api.Auditing;
using Customer360Hub.Auditing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Customer360Hub.Api.UnitTests.Auditing;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task RecordDurablyAsync_AppendFailsOnce_RetriesAndCompletesOnlyWhenWritten()
    {
        var written = new List<AuditRecord>();
        var log = new Mock<IAuditLog>();
        var calls = 0;
        log.Setup(l => l.AppendAsync(It.IsAny<IReadOnlyList<AuditRecord>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<AuditRecord> records, CancellationToken _) =>
            {
                if (++calls == 1)
                {
                    throw new IOException("disk busy");
                }

                written.AddRange(records);
                return Task.CompletedTask;
            });
        using var trail = new AuditTrail(log.Object, Options.Create(new AuditTrailOptions()), TimeProvider.System, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);

        await trail.RecordDurablyAsync(Record("change-1"));

        Assert.Equal(["change-1"], written.Select(r => r.Id));
        Assert.True(calls >= 2);
        await trail.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_WithQueuedReads_WritesEveryRecordBeforeStopping()
    {
        var written = new List<AuditRecord>();
        var log = new Mock<IAuditLog>();
        log.Setup(l => l.AppendAsync(It.IsAny<IReadOnlyList<AuditRecord>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<AuditRecord> records, CancellationToken _) =>
            {
                await Task.Delay(5);
                lock (written)
                {
                    written.AddRange(records);
                }
            });
        using var trail = new AuditTrail(log.Object, Options.Create(new AuditTrailOptions { Capacity = 10, BatchSize = 3 }), TimeProvider.System, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);

        // More records than the queue holds: writers wait for room instead of dropping any.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => trail.RecordAsync(Record("read-" + i)).AsTask()));
        await trail.StopAsync(CancellationToken.None);

        Assert.Equal(100, written.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task RecordAsync_ReadsInQuickSuccession_AreAppendedTogetherAfterTheFlushDelay()
    {
        var appends = new List<IReadOnlyList<AuditRecord>>();
        var log = new Mock<IAuditLog>();
        log.Setup(l => l.AppendAsync(It.IsAny<IReadOnlyList<AuditRecord>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<AuditRecord> records, CancellationToken _) =>
            {
                lock (appends)
                {
                    appends.Add([.. records]);
                }

                return Task.CompletedTask;
            });
        using var trail = new AuditTrail(log.Object, Options.Create(new AuditTrailOptions { FlushDelay = TimeSpan.FromSeconds(2) }), TimeProvider.System, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);

        foreach (var i in Enumerable.Range(0, 10))
        {
            await trail.RecordAsync(Record("read-" + i));
        }

        for (var waited = 0; waited < 300 && Written() < 10; waited++)
        {
            await Task.Delay(50);
        }

        lock (appends)
        {
            var append = Assert.Single(appends);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => "read-" + i), append.Select(r => r.Id));
        }

        await trail.StopAsync(CancellationToken.None);

        int Written()
        {
            lock (appends)
            {
                return appends.Sum(a => a.Count);
            }
        }
    }

    [Fact]
    public async Task RecordDurablyAsync_WithAFlushDelay_IsWrittenWithoutWaitingForIt()
    {
        var written = new List<AuditRecord>();
        var log = new Mock<IAuditLog>();
        log.Setup(l => l.AppendAsync(It.IsAny<IReadOnlyList<AuditRecord>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<AuditRecord> records, CancellationToken _) => written.AddRange(records))
            .Returns(Task.CompletedTask);

        // A change that waited for the delay would take a minute.
        using var trail = new AuditTrail(log.Object, Options.Create(new AuditTrailOptions { FlushDelay = TimeSpan.FromMinutes(1) }), TimeProvider.System, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);

        await trail.RecordDurablyAsync(Record("change-1")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["change-1"], written.Select(r => r.Id));
        await trail.StopAsync(CancellationToken.None);
    }

    private static AuditRecord Record(string id) => new()
    {
        Id = id,
        At = DateTimeOffset.UnixEpoch,
        CorrelationId = id,
        Caller = "tester",
        Roles = ["admin"],
        Operation = "getProfile",
        Action = AuditActions.Read,
    };
}
