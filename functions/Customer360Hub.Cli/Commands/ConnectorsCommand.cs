using System.CommandLine;
using System.Globalization;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 connectors</c>: the health of every connector, read from the data folder (also while the hub runs).</summary>
internal static class ConnectorsCommand
{
    private static readonly Option<string?> DataOption = new("--data") { Description = "The data folder (default ./.c360)." };

    public static Command Create()
    {
        var command = new Command("connectors", "Show each connector's health: last success, lag, pages, records, quarantined, errors.");
        command.Options.Add(DataOption);
        command.SetAction(ShowAsync);
        return command;
    }

    private static async Task<int> ShowAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var folder = new DataFolder(result.GetValue(DataOption) ?? ".c360");
        var statuses = await new FileConnectorStatusStore(folder.PathOf(LocalHub.ConnectorStatusFolder)).ListAsync(cancellationToken).ConfigureAwait(false);
        if (statuses.Count == 0)
        {
            await output.WriteLineAsync($"No connector has run with the data folder {folder.Root} yet. Start the hub with 'c360 run'.").ConfigureAwait(false);
            return 0;
        }

        var now = DateTimeOffset.UtcNow;
        await output.WriteLineAsync($"{"SOURCE",-16}{"STATE",-10}{"LAST SUCCESS (UTC)",-21}{"LAG",10}{"PAGES",9}{"RECORDS",10}{"QUARANT.",10}{"ERRORS",8}").ConfigureAwait(false);
        foreach (var s in statuses)
        {
            var state = s.LastError is null && s.LastSuccessAt is not null ? "healthy" : s.LastSuccessAt is null ? "failing" : "degraded";
            var lag = s.LagAt(now) is { } l ? Lag(l) : "-";
            var success = s.LastSuccessAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Source,-16}{state,-10}{success,-21}{lag,10}{s.Pages,9}{s.Records,10}{s.Quarantined,10}{s.Errors,8}")).ConfigureAwait(false);
            if (s.LastError is not null)
            {
                await output.WriteLineAsync("    last error: " + s.LastError).ConfigureAwait(false);
            }
        }

        return statuses.Any(s => s.LastSuccessAt is null) ? 1 : 0;
    }

    private static string Lag(TimeSpan lag) => lag.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{lag.TotalSeconds:F0}s")
        : lag.TotalMinutes < 120 ? string.Create(CultureInfo.InvariantCulture, $"{lag.TotalMinutes:F0}m") : string.Create(CultureInfo.InvariantCulture, $"{lag.TotalHours:F0}h");
}
