using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Quality;

/// <summary>
/// Builds the portfolio quality report by one pass over profiles and quarantine (a report, not a
/// hot path: its cost grows with the portfolio).
/// </summary>
public sealed class QualityReporter(HubStore store, IOptions<QualityOptions> options, TimeProvider time)
{
    public async Task<QualityReport> BuildAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var profiles = 0;
        var completeness = 0.0;
        var filled = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new Dictionary<string, (int Profiles, DateTimeOffset LastPulledAt)>(StringComparer.Ordinal);
        await foreach (var profile in store.Profiles.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            var p = profile.Document;
            if (p.RedirectTo is not null)
            {
                continue;
            }

            profiles++;
            completeness += p.Completeness;
            foreach (var field in p.Fields.Keys)
            {
                filled[field] = filled.GetValueOrDefault(field) + 1;
            }

            foreach (var (source, freshness) in p.Freshness)
            {
                var seen = sources.GetValueOrDefault(source);
                sources[source] = (seen.Profiles + 1, freshness.LastPulledAt > seen.LastPulledAt ? freshness.LastPulledAt : seen.LastPulledAt);
            }
        }

        var quarantine = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        await foreach (var entry in store.Quarantine.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            var reasons = quarantine.TryGetValue(entry.Document.Source, out var found) ? found : quarantine[entry.Document.Source] = new(StringComparer.Ordinal);
            var reason = entry.Document.Field is null ? entry.Document.Reason : entry.Document.Field + ": " + entry.Document.Reason;
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        }

        var settings = options.Value;
        return new QualityReport(
            now,
            profiles,
            profiles == 0 ? 0 : Math.Round(completeness / profiles, 3),
            filled.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => Math.Round(f.Value / (double)profiles, 3), StringComparer.Ordinal),
            sources.ToDictionary(s => s.Key, s => new SourceQuality(s.Value.Profiles, s.Value.LastPulledAt, now - s.Value.LastPulledAt > settings.SourceStaleAfter), StringComparer.Ordinal),
            quarantine);
    }
}
