using Customer360Hub.Json;
using Customer360Hub.Profiles;
using Customer360Hub.Scoring;

namespace Customer360Hub.Storage;

/// <summary>
/// The typed containers of the profile store, over one <see cref="IDocumentStore"/> wrapped in a
/// <see cref="UnitOfWorkStore"/> so a handler batch can buffer its writes (<see cref="BeginUnitOfWork"/>).
/// </summary>
public sealed class HubStore
{
    private readonly UnitOfWorkStore _work;

    public HubStore(IDocumentStore documents)
    {
        _work = documents as UnitOfWorkStore ?? new UnitOfWorkStore(documents);
        Profiles = new(_work, Containers.Profiles, CoreJsonContext.Default.GoldenProfile);
        Records = new(_work, Containers.Records, CoreJsonContext.Default.SourceRecord);
        Identity = new(_work, Containers.Identity, CoreJsonContext.Default.IdentityEntry);
        Timeline = new(_work, Containers.Timeline, CoreJsonContext.Default.TimelineEntry);
        Scores = new(_work, Containers.Scores, CoreJsonContext.Default.ProfileScore);
        Quarantine = new(_work, Containers.Quarantine, CoreJsonContext.Default.QuarantinedRecord);
        Pending = new(_work, Containers.Pending, CoreJsonContext.Default.PendingLink);
        Links = new(_work, Containers.Links, CoreJsonContext.Default.IdentityLink);
        Stewardship = new(_work, Containers.Stewardship, CoreJsonContext.Default.StewardDecision);
        Reviews = new(_work, Containers.Reviews, CoreJsonContext.Default.ReviewItem);
        Aggregates = new(_work, Containers.Timeline, CoreJsonContext.Default.ProfileAggregates);
        History = new(_work, Containers.History, CoreJsonContext.Default.ProfileVersion);
        Refs = new(_work, Containers.Refs, CoreJsonContext.Default.RefLink);
        Claims = new(_work, Containers.Refs, CoreJsonContext.Default.RecordClaims);
        RefHeads = new(_work, Containers.Refs, CoreJsonContext.Default.RefHead);
        Households = new(_work, Containers.Households, CoreJsonContext.Default.HouseholdMember);
        Suppression = new(_work, Containers.Suppression, CoreJsonContext.Default.SuppressionEntry);
        Snapshots = new(_work, Containers.Health, CoreJsonContext.Default.HealthSnapshot);
        Alerts = new(_work, Containers.Alerts, CoreJsonContext.Default.AlertState);
        PortfolioRows = new(_work, Containers.Portfolio, CoreJsonContext.Default.PortfolioEntry);
        PortfolioSummaries = new(_work, Containers.Portfolio, CoreJsonContext.Default.PortfolioSummary);
        ExpansionRules = new(_work, Containers.Portfolio, CoreJsonContext.Default.ExpansionRuleSet);
        JobRuns = new(_work, Containers.Portfolio, CoreJsonContext.Default.JobRun);
    }

    /// <summary>The store every typed container writes through (buffered inside a unit of work).</summary>
    public IDocumentStore Documents => _work;

    /// <summary>The store's committed state, past the buffer of any unit of work in flight.</summary>
    public IDocumentStore Committed => _work.Inner;

    public DocumentSet<GoldenProfile> Profiles { get; }

    public DocumentSet<SourceRecord> Records { get; }

    public DocumentSet<IdentityEntry> Identity { get; }

    public DocumentSet<TimelineEntry> Timeline { get; }

    public DocumentSet<ProfileScore> Scores { get; }

    public DocumentSet<QuarantinedRecord> Quarantine { get; }

    public DocumentSet<PendingLink> Pending { get; }

    /// <summary>Buffers every write of the current async flow until <see cref="UnitOfWork.CommitAsync"/>.</summary>
    public UnitOfWork BeginUnitOfWork() => _work.Begin();

    public DocumentSet<IdentityLink> Links { get; }

    public DocumentSet<StewardDecision> Stewardship { get; }

    public DocumentSet<ReviewItem> Reviews { get; }

    /// <summary>The aggregates document that sits in each timeline partition.</summary>
    public DocumentSet<ProfileAggregates> Aggregates { get; }

    public DocumentSet<ProfileVersion> History { get; }

    public DocumentSet<RefLink> Refs { get; }

    public DocumentSet<RecordClaims> Claims { get; }

    public DocumentSet<RefHead> RefHeads { get; }

    public DocumentSet<HouseholdMember> Households { get; }

    public DocumentSet<SuppressionEntry> Suppression { get; }

    /// <summary>Daily health snapshots per profile.</summary>
    public DocumentSet<HealthSnapshot> Snapshots { get; }

    public DocumentSet<AlertState> Alerts { get; }

    /// <summary>Rows of the churn-risk and expansion lists (partition = the list).</summary>
    public DocumentSet<PortfolioEntry> PortfolioRows { get; }

    /// <summary>Daily portfolio summaries by segment (partition <c>summary</c>).</summary>
    public DocumentSet<PortfolioSummary> PortfolioSummaries { get; }

    public DocumentSet<ExpansionRuleSet> ExpansionRules { get; }

    /// <summary>When each scheduled job last ran (partition <c>jobs</c>).</summary>
    public DocumentSet<JobRun> JobRuns { get; }

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
