using Customer360Hub.Json;
using Customer360Hub.Profiles;

namespace Customer360Hub.Storage;

/// <summary>The typed containers of the profile store, over one <see cref="IDocumentStore"/>.</summary>
public sealed class HubStore(IDocumentStore documents)
{
    public IDocumentStore Documents { get; } = documents;

    public DocumentSet<GoldenProfile> Profiles { get; } = new(documents, Containers.Profiles, CoreJsonContext.Default.GoldenProfile);

    public DocumentSet<SourceRecord> Records { get; } = new(documents, Containers.Records, CoreJsonContext.Default.SourceRecord);

    public DocumentSet<IdentityEntry> Identity { get; } = new(documents, Containers.Identity, CoreJsonContext.Default.IdentityEntry);

    public DocumentSet<TimelineEntry> Timeline { get; } = new(documents, Containers.Timeline, CoreJsonContext.Default.TimelineEntry);

    public DocumentSet<ProfileScore> Scores { get; } = new(documents, Containers.Scores, CoreJsonContext.Default.ProfileScore);

    public DocumentSet<QuarantinedRecord> Quarantine { get; } = new(documents, Containers.Quarantine, CoreJsonContext.Default.QuarantinedRecord);

    public DocumentSet<PendingLink> Pending { get; } = new(documents, Containers.Pending, CoreJsonContext.Default.PendingLink);

    public DocumentSet<IdentityLink> Links { get; } = new(documents, Containers.Links, CoreJsonContext.Default.IdentityLink);

    public DocumentSet<StewardDecision> Stewardship { get; } = new(documents, Containers.Stewardship, CoreJsonContext.Default.StewardDecision);

    public DocumentSet<ReviewItem> Reviews { get; } = new(documents, Containers.Reviews, CoreJsonContext.Default.ReviewItem);

    public DocumentSet<HouseholdMember> Households { get; } = new(documents, Containers.Households, CoreJsonContext.Default.HouseholdMember);

    /// <summary>Reads a profile, following redirects of merged ids to the survivor (at most a few hops).</summary>
    public async Task<Versioned<GoldenProfile>?> GetProfileAsync(string profileId, CancellationToken cancellationToken = default)
    {
        for (var hop = 0; hop < 8; hop++)
        {
            var found = await Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
            if (found?.Document.RedirectTo is not { } next)
            {
                return found;
            }

            profileId = next;
        }

        throw new InvalidOperationException($"Profile redirects from '{profileId}' do not end.");
    }
}
