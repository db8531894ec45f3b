using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>
/// The daily snapshot: rescores every profile (time alone moves scores: invoices age, renewals
/// come closer, engagement goes quiet), which writes each profile's snapshot of the day and raises
/// time-driven signals; then writes the portfolio summary by segment, the points of the trend.
/// </summary>
public sealed class HealthSnapshotJob(HubStore store, HealthScorer scorer, IOptions<JobOptions> options, IOptions<HealthOptions> health, TimeProvider time) : IScheduledJob
{
    public const string JobName = "health-snapshots";

    public string Name => JobName;

    public TimeSpan DueAt => options.Value.SnapshotsAt;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var tally = new PortfolioTally();
        var tallied = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<string>(options.Value.BatchSize);
        var reporting = health.Value.ReportingCurrency;

        async Task FlushAsync()
        {
            foreach (var score in await scorer.ScoreAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                // An account is scored again with each batch holding one of its contacts; count it once.
                if (tallied.Add(score.ProfileId))
                {
                    tally.Add(score, reporting);
                }
            }

            batch.Clear();
        }

        await foreach (var profile in store.Profiles.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            if (profile.Document.RedirectTo is not null)
            {
                continue;
            }

            batch.Add(profile.Document.Id);
            if (batch.Count >= options.Value.BatchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var summary = new PortfolioSummary { Day = day, TakenAt = now, Currency = reporting, Total = tally.Total, Segments = tally.Segments };
        await store.Documents.WriteAsync(
            [store.PortfolioSummaries.Upsert(new DocumentKey(PortfolioSummary.Partition, PortfolioSummary.IdFor(day)), summary) with { TimeToLive = health.Value.SnapshotRetention }],
            cancellationToken).ConfigureAwait(false);
        return tallied.Count;
    }
}
