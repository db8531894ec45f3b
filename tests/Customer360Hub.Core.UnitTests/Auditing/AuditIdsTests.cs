using Customer360Hub.Auditing;

namespace Customer360Hub.Core.UnitTests.Auditing;

public sealed class AuditIdsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_ManyThreadsAtOneInstant_GivesDistinctGuidShapedIds()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                ids.Add(AuditIds.Next(T0));
            }
        });

        Assert.Equal(160_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids.Take(100), id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.All(ids.Take(100), id => Assert.True(Guid.TryParseExact(id, "N", out _)));
    }

    [Fact]
    public void Next_LaterInstantOrLaterIssue_SortsAfter()
    {
        var first = AuditIds.Next(T0);
        var second = AuditIds.Next(T0);
        var later = AuditIds.Next(T0.AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(first, second) < 0);
        Assert.True(string.CompareOrdinal(second, later) < 0);
        Assert.True(string.CompareOrdinal(AuditIds.Next(T0.AddDays(-1)), first) < 0);
    }
}
