using System.Text.Json;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;

namespace Customer360Hub.Scoring;

/// <summary>
/// The scorer: consumes <c>profile-changes</c> and writes each profile's score. Preliminary
/// model: data completeness and source coverage only, labelled as such.
/// </summary>
public sealed class ProfileScorer(HubStore store, TimeProvider time) : IMessageHandler
{
    public const string Model = "preliminary-completeness";

    public string Topic => Topics.ProfileChanges;

    public string Subscription => Topics.ScorerSubscription;

    public async Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rejections = new List<Rejection>();
        var profileIds = new HashSet<string>(StringComparer.Ordinal);
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
        }

        var writes = new List<DocumentWrite>();
        foreach (var profileId in profileIds)
        {
            var profile = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
            if (profile is null || profile.Document.RedirectTo is not null)
            {
                writes.Add(store.Scores.Delete(DocumentKey.Single(profileId)));
                continue;
            }

            var score = Score(profile.Document);
            HubTelemetry.ProfileHealth.Record(score.Completeness, new KeyValuePair<string, object?>("model", score.Model));
            writes.Add(store.Scores.Upsert(DocumentKey.Single(profileId), score));
        }

        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return rejections;
    }

    private ProfileScore Score(GoldenProfile profile)
    {
        return new ProfileScore
        {
            ProfileId = profile.Id,
            ScoredAt = time.GetUtcNow(),
            Completeness = profile.Completeness,
            SourceCount = profile.Sources.Count,
            Model = Model,
            Note = "Preliminary: the health model is not built yet; this score measures data completeness and source coverage only.",
        };
    }
}
