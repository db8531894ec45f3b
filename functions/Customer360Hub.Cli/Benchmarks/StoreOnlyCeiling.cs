using System.Diagnostics;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// Ceiling (a): the changes the pipeline run pulled, published onto a fresh embedded bus in pages
/// as connectors do (same ids and partition keys, so the same duplicate detection and per-key
/// order), consumed in the same batches, parsed and written to a fresh embedded store, without
/// resolution, composition or scoring. What ingest could reach if resolving cost nothing.
/// </summary>
internal static class StoreOnlyCeiling
{
    private const int PageSize = 1000;

    /// <summary>Returns the changes written and the seconds it took.</summary>
    public static async Task<(long Changes, double Seconds)> RunAsync(string changesFile, string folder, int batchSize, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var bus = new SqliteChangeBus(Path.Combine(folder, "bus.db"), Options.Create(new SqliteBusOptions()), TimeProvider.System);
        using var store = new SqliteDocumentStore(Path.Combine(folder, "store.db"), TimeProvider.System);
        var consumer = new BusConsumer(bus, new StoreOnlyHandler(store), batchSize, NullLogger.Instance);
        var started = Stopwatch.GetTimestamp();
        var publishing = Task.Run(
            async () =>
            {
                foreach (var page in PipelineRecorder.ReadChanges(changesFile).Chunk(PageSize))
                {
                    await bus.PublishAsync(Topics.SourceChanges, page, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);

        var consumed = 0L;
        while (!publishing.IsCompleted || bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription) > 0)
        {
            var handled = await consumer.PumpOnceAsync(cancellationToken).ConfigureAwait(false);
            consumed += handled;
            if (handled == 0)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }

        await publishing.ConfigureAwait(false);
        return (consumed, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
