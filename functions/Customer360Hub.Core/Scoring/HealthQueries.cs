using Customer360Hub.Accounts;
using Customer360Hub.Changes;
using Customer360Hub.Storage;

namespace Customer360Hub.Scoring;

/// <summary>Reads a profile's health for the API: score, explanation, signals and history.</summary>
public sealed class HealthQueries(HubStore store, AccountReader accounts, TimeProvider time)
{
    public const int MaxHistoryDays = 400;

    /// <summary>The profile's health with <paramref name="historyDays"/> days of history; null when there is no such profile.</summary>
    public async Task<ProfileHealthView?> GetAsync(string profileId, int historyDays = 90, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileId);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyDays, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyDays, MaxHistoryDays);
        var found = await store.GetProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var profile = found.Document;
        var scored = profile.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value == "organization"
            ? profile.Id
            : await accounts.AccountOfAsync(profile, cancellationToken).ConfigureAwait(false) ?? profile.Id;
        var score = await store.Scores.GetAsync(DocumentKey.Single(scored), cancellationToken).ConfigureAwait(false);
        var history = new List<HealthPoint>();
        if (historyDays > 0)
        {
            var from = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-historyDays);
            var (snapshots, _) = await store.Snapshots.QueryAsync(
                scored,
                new DocumentQuery(Limit: historyDays + 1, Descending: true, IdPrefix: HealthSnapshot.IdPrefix),
                cancellationToken).ConfigureAwait(false);
            history.AddRange(snapshots
                .Select(s => s.Document)
                .Where(s => s.Day > from)
                .OrderBy(s => s.Day)
                .Select(s => new HealthPoint(s.Day, s.Score, s.Low, s.High, s.Band, s.Confidence)));
        }

        return new ProfileHealthView { ProfileId = profile.Id, ScoredProfileId = scored, Score = score?.Document, History = history };
    }
}
