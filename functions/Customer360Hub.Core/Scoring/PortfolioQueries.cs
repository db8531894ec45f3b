using Customer360Hub.Storage;

namespace Customer360Hub.Scoring;

/// <summary>
/// Reads the portfolio for the API: the health distribution and its trend by segment (from the
/// daily summaries of <see cref="HealthSnapshotJob"/>), and the churn-risk and expansion lists
/// (kept live by the scorer, largest risk and most confident recommendation first).
/// </summary>
public sealed class PortfolioQueries(HubStore store, TimeProvider time)
{
    public const int MaxLimit = 500;
    public const int MaxTrendDays = 400;

    /// <summary>The health distribution of the last daily summary (histogram, bands, ARR and risk per segment); null before the first.</summary>
    public async Task<PortfolioSummary?> DistributionAsync(CancellationToken cancellationToken = default)
    {
        var (latest, _) = await store.PortfolioSummaries.QueryAsync(PortfolioSummary.Partition, new DocumentQuery(Limit: 1, Descending: true), cancellationToken).ConfigureAwait(false);
        return latest.Count == 0 ? null : latest[0].Document;
    }

    /// <summary>
    /// The daily summaries of the last <paramref name="days"/> days, oldest first: of one segment,
    /// or of the whole portfolio when <paramref name="segment"/> is null. Days the segment had no
    /// customers are left out.
    /// </summary>
    public async Task<IReadOnlyList<PortfolioTrendPoint>> TrendAsync(int days, string? segment = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxTrendDays);
        var from = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-days);
        var (summaries, _) = await store.PortfolioSummaries.QueryAsync(PortfolioSummary.Partition, new DocumentQuery(Limit: days + 1, Descending: true), cancellationToken).ConfigureAwait(false);
        return summaries
            .Select(s => s.Document)
            .Where(s => s.Day > from)
            .OrderBy(s => s.Day)
            .Select(s => segment is null ? new PortfolioTrendPoint(s.Day, s.Total) : s.Segments.TryGetValue(segment, out var part) ? new PortfolioTrendPoint(s.Day, part) : null)
            .OfType<PortfolioTrendPoint>()
            .ToList();
    }

    /// <summary>Customers at risk of churning, the largest risk amount (ARR × churn probability) first.</summary>
    public Task<PortfolioPage> ChurnRiskAsync(int limit = 50, string? continuationToken = null, string? segment = null, CancellationToken cancellationToken = default) =>
        ListAsync(PortfolioEntry.ChurnRiskList, limit, continuationToken, segment, cancellationToken);

    /// <summary>Expansion recommendations, the most confident first.</summary>
    public Task<PortfolioPage> ExpansionAsync(int limit = 50, string? continuationToken = null, string? segment = null, CancellationToken cancellationToken = default) =>
        ListAsync(PortfolioEntry.ExpansionList, limit, continuationToken, segment, cancellationToken);

    /// <summary>
    /// A page of a list. With a segment, rows of other segments are skipped, so a page may hold
    /// fewer than <paramref name="limit"/> rows while more follow (the continuation says so).
    /// </summary>
    private async Task<PortfolioPage> ListAsync(string list, int limit, string? continuationToken, string? segment, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var continuation = continuationToken;
        while (true)
        {
            var (page, next) = await store.PortfolioRows.QueryAsync(list, new DocumentQuery(Limit: limit, ContinuationToken: continuation), cancellationToken).ConfigureAwait(false);
            var items = page.Select(p => p.Document).Where(r => segment is null || string.Equals(r.Segment, segment, StringComparison.Ordinal)).ToList();
            if (items.Count > 0 || next is null)
            {
                return new PortfolioPage(items, next);
            }

            continuation = next;
        }
    }
}
