using Customer360Hub.Cli.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests.Support;

/// <summary>
/// Waits until a running hub has caught up with its sources: every connector finished two passes
/// after the bus was last seen empty, nothing new was enqueued meanwhile, and the bus is still empty.
/// </summary>
internal static class HubQuiescence
{
    public static async Task WaitAsync(LocalHub hub, TimeSpan timeout)
    {
        var bus = hub.Services.GetRequiredService<SqliteChangeBus>();
        var board = hub.Services.GetRequiredService<ConnectorStatusBoard>();
        var sources = hub.Services.GetServices<ConnectorRegistration>().Select(r => r.Connector.Source).ToList();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                await UntilAsync(() => Empty(bus), deadline.Token);
                var enqueued = Enqueued(bus);
                for (var round = 0; round < 2; round++)
                {
                    var since = DateTimeOffset.UtcNow;
                    await UntilAsync(() => sources.All(s => board.Current.FirstOrDefault(c => c.Source == s)?.LastSuccessAt > since), deadline.Token);
                }

                await UntilAsync(() => Empty(bus), deadline.Token);
                if (Enqueued(bus) == enqueued)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var states = string.Join("; ", board.Current.Select(c => $"{c.Source}: last success {c.LastSuccessAt:O}, error {c.LastError}"));
            throw new TimeoutException(
                $"The hub did not catch up within {timeout.TotalSeconds:0} s: {bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription)} source changes and " +
                $"{bus.CountActive(Topics.ProfileChanges, Topics.ScorerSubscription)} profile changes waiting; connectors: {states}");
        }
    }

    private static bool Empty(SqliteChangeBus bus) =>
        bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription) == 0 && bus.CountActive(Topics.ProfileChanges, Topics.ScorerSubscription) == 0;

    private static long Enqueued(SqliteChangeBus bus) => bus.Enqueued(Topics.SourceChanges) + bus.Enqueued(Topics.ProfileChanges);

    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
