using Customer360Hub.Auditing;

namespace Customer360Hub.Azure.UnitTests.Auditing;

/// <summary>
/// What every <see cref="IAuditLog"/> must do, whatever it stores into: the embedded SQLite log and
/// the append-blob log each derive from this class and supply a fresh, empty log.
/// </summary>
public abstract class AuditLogContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IAuditLog> CreateLogAsync();

    [Fact]
    public async Task Query_AfterAppend_ReturnsRecordsInOrderWithEveryField()
    {
        var log = await CreateLogAsync();
        var first = Record(0, "alice", "p-00000000000000000001");
        await log.AppendAsync([first, Record(1, "bob", "p-00000000000000000002")]);

        var page = await log.QueryAsync(new AuditQuery(T0, T0.AddHours(1)));

        Assert.Equal(["alice", "bob"], page.Records.Select(r => r.Caller));
        var read = page.Records[0];
        Assert.Equal(first.Id, read.Id);
        Assert.Equal(first.At, read.At);
        Assert.Equal(first.CorrelationId, read.CorrelationId);
        Assert.Equal(first.Roles, read.Roles);
        Assert.Equal(first.FieldGroups, read.FieldGroups);
        Assert.Equal(first.ProfileIds, read.ProfileIds);
        Assert.Equal(first.Operation, read.Operation);
        Assert.Equal(first.Status, read.Status);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Query_ByProfileCallerAndWindow_FiltersAndPages()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync([.. Enumerable.Range(0, 25).Select(i => Record(i, i % 2 == 0 ? "alice" : "bob", i % 5 == 0 ? "p-00000000000000000005" : "p-00000000000000000001"))]);

        var byProfile = await log.QueryAsync(new AuditQuery(T0, T0.AddHours(1), ProfileId: "p-00000000000000000005"));
        var byCaller = await log.QueryAsync(new AuditQuery(T0, T0.AddHours(1), Caller: "bob"));
        var window = await log.QueryAsync(new AuditQuery(T0.AddMinutes(10), T0.AddMinutes(20)));
        var pages = new List<AuditRecord>();
        string? cursor = null;
        do
        {
            var page = await log.QueryAsync(new AuditQuery(T0, T0.AddHours(1), Limit: 7, Cursor: cursor));
            pages.AddRange(page.Records);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(5, byProfile.Records.Count);
        Assert.All(byCaller.Records, r => Assert.Equal("bob", r.Caller));
        Assert.Equal(12, byCaller.Records.Count);
        Assert.Equal(10, window.Records.Count);
        Assert.Equal(25, pages.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Query_WindowOverSeveralDays_ReturnsEveryDayInOrderAcrossPages()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync([Record(0, "alice", "p-00000000000000000001"), Record(24 * 60, "bob", "p-00000000000000000001")]);
        await log.AppendAsync([Record(2 * 24 * 60, "carol", "p-00000000000000000001")]);

        var first = await log.QueryAsync(new AuditQuery(T0, T0.AddDays(3), Limit: 2));
        var second = await log.QueryAsync(new AuditQuery(T0, T0.AddDays(3), Limit: 2, Cursor: first.NextCursor));
        var lastDayOnly = await log.QueryAsync(new AuditQuery(T0.AddDays(2), T0.AddDays(3)));

        Assert.Equal(["alice", "bob"], first.Records.Select(r => r.Caller));
        Assert.Equal(["carol"], second.Records.Select(r => r.Caller));
        Assert.Null(second.NextCursor);
        Assert.Equal(["carol"], lastDayOnly.Records.Select(r => r.Caller));
    }

    [Fact]
    public async Task Query_MalformedCursor_IsArgumentException()
    {
        var log = await CreateLogAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => log.QueryAsync(new AuditQuery(T0, T0.AddHours(1), Cursor: "not-a-cursor")));
    }

    protected static AuditRecord Record(int minute, string caller, string profileId) => new()
    {
        Id = Guid.CreateVersion7(T0.AddMinutes(minute)).ToString("N"),
        At = T0.AddMinutes(minute),
        CorrelationId = "corr-" + minute,
        Caller = caller,
        Roles = ["sales"],
        Operation = "getProfile",
        Action = AuditActions.Read,
        ProfileIds = [profileId],
        FieldGroups = ["core", "identity"],
        Status = 200,
    };
}
