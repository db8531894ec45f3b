using Customer360Hub.Notifications;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>
/// Sends a profile's signals as alerts through the notifier, one per condition per window (the
/// signal kind's alert window). The state is claimed in the store before delivery (so concurrent
/// scorers send it once) and marked delivered after; a failed delivery releases the claim and the
/// error propagates, so the next scorer pass retries it.
/// </summary>
public sealed partial class AlertDispatcher(HubStore store, INotifier notifier, IOptions<SignalOptions> options, TimeProvider time, ILogger<AlertDispatcher> logger)
{
    /// <summary>A claim older than this is taken to be from a worker that died while delivering.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Sends what is due; returns the alerts sent.</summary>
    public async Task<int> DispatchAsync(ProfileScore score, string? recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        var sent = 0;
        foreach (var signal in score.Signals.Where(s => options.Value.Alerts(s.Kind)))
        {
            if (await DispatchAsync(score.ProfileId, signal, recipient, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> DispatchAsync(string profileId, HealthSignal signal, string? recipient, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = new DocumentKey(profileId, AlertState.IdFor(signal.Condition));
        var stored = await store.Alerts.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var current = stored?.Document;
        var inWindow = current is not null && current.Until > now;
        if (inWindow && (current!.DeliveredAt is not null || (current.ClaimedAt is { } claimed && now - claimed < ClaimTimeout)))
        {
            return false;
        }

        var window = options.Value.AlertWindowOf(signal.Kind);
        var state = new AlertState
        {
            ProfileId = profileId,
            Condition = signal.Condition,
            Kind = signal.Kind,
            RaisedAt = inWindow ? current!.RaisedAt : now,
            Until = inWindow ? current!.Until : now + window,
            ClaimedAt = now,
        };
        var ttl = state.Until - now + TimeSpan.FromDays(1);
        try
        {
            await store.Documents.WriteAsync(
                [(stored is null ? store.Alerts.Create(key, state) : store.Alerts.Replace(key, state, stored.ETag)) with { TimeToLive = ttl }],
                cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentConflictException)
        {
            // Another scorer claimed this condition first: it sends the alert.
            return false;
        }

        var alert = new Alert(profileId + ":" + signal.Condition, profileId, signal.Kind, signal.Severity, signal.Title, signal.Detail, signal.NextStep, state.RaisedAt, recipient);
        try
        {
            await notifier.NotifyAsync(alert, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Release the claim so the next pass retries at once; the failure itself propagates.
            await store.Documents.WriteAsync([store.Alerts.Upsert(key, state with { ClaimedAt = null }) with { TimeToLive = ttl }], CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await store.Documents.WriteAsync([store.Alerts.Upsert(key, state with { ClaimedAt = null, DeliveredAt = time.GetUtcNow() }) with { TimeToLive = ttl }], cancellationToken).ConfigureAwait(false);
        LogSent(logger, signal.Kind, profileId, state.Until);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Kind} sent for profile {ProfileId}; next one for this condition not before {Until}")]
    private static partial void LogSent(ILogger logger, string kind, string profileId, DateTimeOffset until);
}
