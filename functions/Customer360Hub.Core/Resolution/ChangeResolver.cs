using Customer360Hub.Changes;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace Customer360Hub.Resolution;

/// <summary>
/// The resolver: consumes <c>source-changes</c>, drops changes of erased people, screens values
/// (quarantining invalid ones), applies each change to identity and timeline, recomposes the
/// profiles whose members changed and announces every touched profile on <c>profile-changes</c>.
/// Every step is idempotent, so redelivery after any failure converges to the same state.
/// </summary>
public sealed partial class ChangeResolver(
    HubStore store,
    IChangeBus bus,
    IdentityResolver identity,
    TransactionLinker transactions,
    PartyLinks partyLinks,
    ProfileComposer composer,
    RecordValidator validator,
    SuppressionList suppression,
    RetentionPolicy retention,
    TimeProvider time,
    ILogger<ChangeResolver> logger) : IMessageHandler
{
    private const int MaxAttempts = 16;

    public string Topic => Topics.SourceChanges;

    public string Subscription => Topics.ResolverSubscription;

    public async Task<IReadOnlyList<Rejection>> HandleAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rejections = new List<Rejection>();
        var announce = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var resolved = new List<SourceChange>(messages.Count);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var screenedKeys = new HashSet<DocumentKey>();

        // The whole batch is one unit of work: one store transaction, announced only once committed.
        await using (var work = store.BeginUnitOfWork())
        {
            var recompose = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

            // Transactions wait here until a party change or the end of the batch, so a customer's
            // transactions (which arrive together) update each timeline once.
            var run = new List<SourceChange>();
            foreach (var message in messages)
            {
                SourceChange change;
                try
                {
                    change = SourceChangeSerializer.Deserialize(message.Body.Span);
                }
                catch (MalformedChangeException ex)
                {
                    rejections.Add(new Rejection(message, "malformed source change: " + ex.Message));
                    continue;
                }

                var keys = suppression.KeysOf(change);
                if (await suppression.AnyAsync(keys, cancellationToken).ConfigureAwait(false))
                {
                    LogSuppressed(logger, change.Id);
                    continue;
                }

                screenedKeys.UnionWith(keys);

                var (screened, refused) = validator.Screen(change);
                if (refused.Count > 0)
                {
                    await store.Documents.WriteAsync(
                        refused.Select(q => store.Quarantine.Upsert(new DocumentKey(q.Source, RecordValidator.QuarantineId(q.EntityType, q.RecordId!, q.Field)), q) with { TimeToLive = retention.Quarantine }).ToList(),
                        cancellationToken).ConfigureAwait(false);
                }

                resolved.Add(change);
                if (screened.Kind != RecordKind.Party)
                {
                    run.Add(screened);
                    continue;
                }

                await ApplyTransactionsAsync(run, announce, cancellationToken).ConfigureAwait(false);
                var (members, timelines) = await RetryOnConflictAsync(
                    async () =>
                    {
                        var members = await identity.ApplyAsync(screened, cancellationToken).ConfigureAwait(false);
                        return (members, await partyLinks.ApplyAsync(screened.RecordKey, cancellationToken).ConfigureAwait(false));
                    },
                    cancellationToken).ConfigureAwait(false);
                Touch(recompose, members, change.PulledAt);
                Touch(announce, timelines, change.PulledAt);
            }

            await ApplyTransactionsAsync(run, announce, cancellationToken).ConfigureAwait(false);

            foreach (var (profileId, pulledAt) in recompose)
            {
                // A profile that is gone (its last record deleted, or merged away) is announced too,
                // so listeners drop what they derived from it.
                var result = await composer.RecomposeAsync(profileId, pulledAt, cancellationToken).ConfigureAwait(false);
                Touch(announce, [profileId], pulledAt);
                if (result.Profile is null)
                {
                    removed.Add(profileId);
                }

                Touch(announce, result.Relinked, pulledAt);
            }

            // An erasure committed while this batch ran would be undone by its commit: the batch
            // loses the race instead and is handled again, dropping the erased person's changes.
            if (await suppression.AnyAsync([.. screenedKeys], cancellationToken).ConfigureAwait(false))
            {
                throw new DocumentConflictException("A person whose changes are in this batch was erased while it was handled.");
            }

            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        foreach (var change in resolved)
        {
            var source = new KeyValuePair<string, object?>("source", change.Source);
            HubTelemetry.ChangesResolved.Add(1, source);
            HubTelemetry.ResolverLag.Record(Math.Max(0, (now - change.PulledAt).TotalSeconds), source);
        }

        var announcements = new List<BusMessage>(announce.Count);
        foreach (var (profileId, pulledAt) in announce)
        {
            var changed = new ProfileChanged(profileId, removed.Contains(profileId) ? "removed" : "source-change", now, pulledAt);
            var body = JsonSerializer.SerializeToUtf8Bytes(changed, CoreJsonContext.Default.ProfileChanged);
            announcements.Add(new BusMessage($"{profileId}@{now.UtcTicks}", profileId, "profile-changed", body));
        }

        if (announcements.Count > 0)
        {
            await bus.PublishAsync(Topics.ProfileChanges, announcements, cancellationToken).ConfigureAwait(false);
        }

        LogBatch(logger, messages.Count, announce.Count, rejections.Count);
        return rejections;
    }

    private static void Touch(Dictionary<string, DateTimeOffset> touched, IEnumerable<string> profileIds, DateTimeOffset pulledAt)
    {
        foreach (var profileId in profileIds)
        {
            touched[profileId] = touched.TryGetValue(profileId, out var seen) && seen > pulledAt ? seen : pulledAt;
        }
    }

    /// <summary>Applies the waiting transactions together and empties the run.</summary>
    private async Task ApplyTransactionsAsync(List<SourceChange> run, Dictionary<string, DateTimeOffset> announce, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return;
        }

        var timelines = await RetryOnConflictAsync(() => transactions.ApplyAllAsync(run, cancellationToken), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < run.Count; i++)
        {
            Touch(announce, timelines[i], run[i].PulledAt);
        }

        run.Clear();
    }

    private async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await apply().ConfigureAwait(false);
            }
            catch (DocumentConflictException) when (attempt < MaxAttempts)
            {
                // Lost a race with another resolver: re-read and apply again.
                await Task.Delay(TimeSpan.FromMilliseconds(attempt * 5), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Resolved {Count} changes touching {Profiles} profiles ({Rejected} rejected)")]
    private static partial void LogBatch(ILogger logger, int count, int profiles, int rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped change {ChangeId}: it carries an identifier of an erased person")]
    private static partial void LogSuppressed(ILogger logger, string changeId);
}
