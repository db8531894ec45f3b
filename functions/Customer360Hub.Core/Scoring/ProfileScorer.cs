using System.Text.Json;
using Customer360Hub.Json;
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
        ArgumentNullException.ThrowIfNull(messages);
        var rejections = new List<Rejection>();
        var profileIds = new HashSet<string>(StringComparer.Ordinal);
        var pulled = new List<DateTimeOffset>(messages.Count);
        foreach (var message in messages)
        {
            ProfileChanged? changed;
            try
            {
                changed = JsonSerializer.Deserialize(message.Body.Span, CoreJsonContext.Default.ProfileChanged);
            }
            catch (JsonException ex)
            {
                rejections.Add(new Rejection(message, "malformed profile change: " + ex.Message));
                continue;
            }

            if (changed?.ProfileId is null)
            {
                rejections.Add(new Rejection(message, "malformed profile change: no profileId"));
                continue;
            }

            profileIds.Add(changed.ProfileId);
            pulled.Add(changed.PulledAt);
        }

        await scorer.ScoreAsync(profileIds, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var at in pulled)
        {
            HubTelemetry.ScoreFreshness.Record(Math.Max(0, (now - at).TotalSeconds));
        }

        return rejections;
    }
}
