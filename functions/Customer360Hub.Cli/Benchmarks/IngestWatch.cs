using System.Diagnostics;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>Tells when the hub has taken in everything its sources hold.</summary>
internal static class IngestWatch
{
    /// <summary>
    /// Waits until both subscriptions are empty and stay so while every connector completes two
    /// more passes without enqueuing anything new; returns the <see cref="Stopwatch"/> timestamp at
    /// which the bus became empty for good (the end of ingest).
    /// </summary>
    public static async Task<long> WaitAsync(LocalHub hub, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bus = hub.Services.GetRequiredService<SqliteChangeBus>();
        var board = hub.Services.GetRequiredService<ConnectorStatusBoard>();
        var sources = hub.Services.GetServices<ConnectorRegistration>().Select(r => r.Connector.Source).ToList();
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        long? emptySince = null;
        DateTimeOffset emptySinceWall = default;
        var published = 0L;
        var passes = new Dictionary<string, (DateTimeOffset? Last, int Count)>(StringComparer.Ordinal);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var empty = !bus.HasActive(Topics.SourceChanges, Topics.ResolverSubscription)
                && !bus.HasActive(Topics.ProfileChanges, Topics.ScorerSubscription);
            if (!empty || (emptySince is not null && Enqueued(bus) != published))
            {
                emptySince = null;
            }
            else if (emptySince is null)
            {
                emptySince = Stopwatch.GetTimestamp();
                emptySinceWall = DateTimeOffset.UtcNow;
                published = Enqueued(bus);
                passes.Clear();
            }
            else
            {
                foreach (var status in board.Current)
                {
                    var (last, count) = passes.GetValueOrDefault(status.Source);
                    if (status.LastSuccessAt > emptySinceWall && status.LastSuccessAt != last)
                    {
                        passes[status.Source] = (status.LastSuccessAt, count + 1);
                    }
                }

                if (sources.All(s => passes.GetValueOrDefault(s).Count >= 2))
                {
                    return emptySince.Value;
                }
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The hub did not finish ingesting within {timeout}.");
    }

    /// <summary>Messages enqueued on both topics so far (a connector pulling the same records again adds nothing: the bus drops duplicates).</summary>
    private static long Enqueued(SqliteChangeBus bus) => bus.Enqueued(Topics.SourceChanges) + bus.Enqueued(Topics.ProfileChanges);
}
