using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Telemetry;

namespace Customer360Hub.Scoring;

/// <summary>
/// The scorer: consumes <c>profile-changes</c> and rescores every profile of the batch in one pass
/// (see <see cref="HealthScorer"/>), so a change reaches a new score, its signals and alerts within
/// one scorer pass.
/// </summary>
public sealed class ProfileScorer(HealthScorer scorer, TimeProvider time) : IMessageHandler
{
    public string Topic => Topics.ProfileChanges;

    public string Subscription => Topics.ScorerSubscription;

    public async Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        var batch = ProfileChangeBatch.Read(messages);
        await scorer.ScoreAsync(batch.ProfileIds, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var change in batch.Changes)
        {
            HubTelemetry.ScoreFreshness.Record(Math.Max(0, (now - change.PulledAt).TotalSeconds));
        }

        return batch.Rejections;
    }
}
