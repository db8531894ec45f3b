using Customer360Hub.Privacy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Embedded.Storage;

/// <summary>
/// Retention for the embedded store: expired documents are hidden from reads at once; this
/// deletes them from the file every <see cref="RetentionOptions.PurgeInterval"/>.
/// </summary>
public sealed partial class StorePurgeService(SqliteDocumentStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<StorePurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var purged = await store.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (DataFolderUnavailableException ex)
            {
                // The file is busy or full right now; the next tick tries again.
                LogPurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired documents")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired documents failed; retrying at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception error);
}
