using System.Globalization;

namespace Customer360Hub.IntegrationTests.Support;

/// <summary>
/// The hub configuration every fault test runs with: a small sample world that stands still (no
/// ticks, so every run sees the same source data), connectors polling every 100 ms in small pages,
/// small resolver batches and short leases, so a crash or a retry shows within seconds.
/// </summary>
internal static class FaultWorld
{
    public const int Customers = 40;

    private static readonly string[] Connectors = ["BusinessCentral", "Stripe", "Zendesk", "HubSpot", "Salesforce", "Graph", "FileDrop"];

    public static Dictionary<string, string?> Settings(string dataFolder, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Embedded:DataFolder"] = dataFolder,
            ["Api:Port"] = "0",
            ["Sandbox:World:Customers"] = Customers.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:TickInterval"] = "00:00:00",
            ["Bus:Consumer:IdleWait"] = "00:00:00.020",
            ["Bus:Consumer:BatchSize"] = "16",
            ["Embedded:Bus:LockDuration"] = "00:00:02",
            ["Embedded:Bus:RetryBaseDelay"] = "00:00:00.050",
            ["Embedded:Bus:RetryMaxDelay"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scoring:Jobs:Enabled"] = "false",
        };
        foreach (var connector in Connectors)
        {
            settings[$"Connectors:{connector}:Interval"] = "00:00:00.100";
            settings[$"Connectors:{connector}:PageSize"] = "25";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Settings as <c>C360_</c> environment variables, for a <c>c360 run</c> child process.</summary>
    public static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(s => "C360_" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? string.Empty, StringComparer.Ordinal);

    /// <summary>
    /// A loopback port free right now. A hub that restarts keeps its sandbox on one port, as a real
    /// source keeps its address: connectors store absolute next-page links (Graph, Salesforce) in checkpoints.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));
}
