using Customer360Hub.Storage;

namespace Customer360Hub.Scoring;

/// <summary>
/// The co-occurrence rules for the scorer: read from the store at most once a minute (the batch job
/// writes them daily), and replaced at once when the job runs in this process.
/// </summary>
public sealed class ExpansionRuleCache(HubStore store, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private (ExpansionRuleSet? Rules, DateTimeOffset ReadAt)? _cached;

    public async Task<ExpansionRuleSet?> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < Refresh)
        {
            return cached.Rules;
        }

        var found = await store.ExpansionRules.GetAsync(new DocumentKey(ExpansionRuleSet.Partition, ExpansionRuleSet.DocumentId), cancellationToken).ConfigureAwait(false);
        _cached = (found?.Document, now);
        return found?.Document;
    }

    public void Set(ExpansionRuleSet rules) => _cached = (rules, time.GetUtcNow());
}
