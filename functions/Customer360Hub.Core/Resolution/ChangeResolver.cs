using Customer360Hub.Changes;
using Customer360Hub.Json;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace Customer360Hub.Resolution;

/// <summary>
/// The resolver: consumes <c>source-changes</c>, applies each change to identity and timeline,
/// recomposes the touched profiles and announces them on <c>profile-changes</c>.
/// Every step is idempotent, so redelivery after any failure converges to the same state.
/// </summary>
public sealed partial class ChangeResolver(
    HubStore store,
    IChangeBus bus,
    IdentityResolver identity,
    TransactionLinker transactions,
    ProfileComposer composer,
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
        var announcements = new List<BusMessage>();

        // The whole batch is one unit of work: one store transaction, announced only once committed.
        await using (var work = store.BeginUnitOfWork())
        {
            var touched = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
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

                foreach (var profileId in await ApplyAsync(change, cancellationToken).ConfigureAwait(false))
                {
                    touched[profileId] = touched.TryGetValue(profileId, out var seen) && seen > change.PulledAt ? seen : change.PulledAt;
                }
            }

            foreach (var (profileId, pulledAt) in touched)
            {
                var profile = await composer.ComposeAsync(profileId, pulledAt, cancellationToken).ConfigureAwait(false);
                if (profile is not null)
                {
                    var changed = new ProfileChanged(profileId, "source-change", profile.UpdatedAt, pulledAt);
                    var body = JsonSerializer.SerializeToUtf8Bytes(changed, CoreJsonContext.Default.ProfileChanged);
                    announcements.Add(new BusMessage($"{profileId}@{profile.UpdatedAt.UtcTicks}", profileId, "profile-changed", body));
                }
            }

            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (announcements.Count > 0)
        {
            await bus.PublishAsync(Topics.ProfileChanges, announcements, cancellationToken).ConfigureAwait(false);
        }

        LogBatch(logger, messages.Count, announcements.Count, rejections.Count);
        return rejections;
    }

    private async Task<IReadOnlyCollection<string>> ApplyAsync(SourceChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (change.Kind != RecordKind.Party)
                {
                    return await transactions.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
                }

                var touched = await identity.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
                var record = await store.Records.GetAsync(DocumentKey.Single(change.RecordKey), cancellationToken).ConfigureAwait(false);
                if (record is not null)
                {
                    await transactions.LinkPendingAsync(record.Document, cancellationToken).ConfigureAwait(false);
                }

                return touched;
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
}
