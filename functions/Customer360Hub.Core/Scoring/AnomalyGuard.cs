using Customer360Hub.Profiles;
using Customer360Hub.Timeline;

namespace Customer360Hub.Scoring;

/// <summary>
/// Decides whether a drop hinges on a single record: it takes each timeline entry out of the
/// aggregates in turn (the exact inverse of adding it) and rescores. If leaving one record out
/// brings the score back within the drop threshold, one record's value or change drives the drop,
/// which is what a data error looks like, so the data is checked before anyone acts on it.
/// </summary>
public sealed class AnomalyGuard(AggregateCalculator calculator, HealthModel model)
{
    /// <summary>The entry whose absence restores the score the most while undoing the drop, with that score; null when the drop does not hinge on one record.</summary>
    public (TimelineEntry Entry, int ScoreWithout)? Find(string? partyType, ProfileAggregates aggregates, IEnumerable<TimelineEntry> entries, DateTimeOffset now, int from, int dropPoints)
    {
        ArgumentNullException.ThrowIfNull(entries);
        (TimelineEntry Entry, int ScoreWithout)? best = null;
        foreach (var entry in entries)
        {
            var (without, _) = calculator.Remove(aggregates, entry);
            if (model.Evaluate(partyType, without, now).Score is { } score && from - score < dropPoints && (best is null || score > best.Value.ScoreWithout))
            {
                best = (entry, score);
            }
        }

        return best;
    }
}
