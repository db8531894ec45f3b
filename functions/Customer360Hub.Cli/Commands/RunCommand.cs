using System.CommandLine;
using Customer360Hub.Cli.Hosting;

namespace Customer360Hub.Cli.Commands;

/// <summary><c>c360 run</c>: the whole hub on this machine until Ctrl+C.</summary>
internal static class RunCommand
{
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "The data folder holding all state (default ./.c360).",
    };

    public static readonly Option<int?> PortOption = new("--port")
    {
        Description = "The API port on 127.0.0.1 (default 7071).",
    };

    public static readonly Option<bool> NoSandboxOption = new("--no-sandbox")
    {
        Description = "Do not start the sample source systems; connectors come from configuration only.",
    };

    public static readonly Option<int?> CustomersOption = new("--customers")
    {
        Description = "Customers in the sample world (default 200).",
    };

    public static readonly Option<bool> TelemetryOption = new("--telemetry")
    {
        Description = "Print the hub's metrics (every 30 s) and spans to the console, as the Functions app sends them to Azure Monitor.",
    };

    public static Command Create()
    {
        var command = new Command("run", "Run the hub: sample sources, connectors, resolver, scorer and the API on localhost.");
        AddOptions(command);
        command.SetAction((result, cancellationToken) => RunAsync(result, cancellationToken));
        return command;
    }

    /// <summary>The run options, also accepted by the root command so that plain <c>c360</c> runs the hub.</summary>
    public static void AddOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(DataOption);
        command.Options.Add(PortOption);
        command.Options.Add(NoSandboxOption);
        command.Options.Add(CustomersOption);
        command.Options.Add(TelemetryOption);
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(DataOption) is { } data)
        {
            overrides["Embedded:DataFolder"] = data;
        }

        if (result.GetValue(PortOption) is { } port)
        {
            overrides["Api:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (result.GetValue(NoSandboxOption))
        {
            overrides["Sandbox:Enabled"] = "false";
        }

        if (result.GetValue(CustomersOption) is { } customers)
        {
            overrides["Sandbox:World:Customers"] = customers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (result.GetValue(TelemetryOption))
        {
            overrides["Telemetry:Console"] = "true";
        }

        await using var hub = await LocalHub.StartAsync([], overrides, cancellationToken).ConfigureAwait(false);
        var output = result.InvocationConfiguration.Output;
        await output.WriteLineAsync($"Customer360Hub is running. API: {hub.ApiUrl.AbsoluteUri.TrimEnd('/')}/api/v1").ConfigureAwait(false);
        if (hub.Sandbox is not null)
        {
            await output.WriteLineAsync($"Sample source systems: {hub.Sandbox.BaseUrl} ({hub.Sandbox.World.Options.Customers} customers)").ConfigureAwait(false);
        }

        if (hub.DemoKey is not null)
        {
            await output.WriteLineAsync($"Demo API key (role admin): {hub.DemoKey}").ConfigureAwait(false);
            var email = (hub.Sandbox is null ? null : SharedEmail(hub.Sandbox.World)) ?? "someone@example.com";
            await output.WriteLineAsync("Try:").ConfigureAwait(false);
            await output.WriteLineAsync($"  curl -H 'X-Api-Key: {hub.DemoKey}' '{hub.ApiUrl.AbsoluteUri.TrimEnd('/')}/api/v1/profiles/lookup?email={email}'").ConfigureAwait(false);
        }

        await output.WriteLineAsync("Press Ctrl+C to stop; anything in flight is finished or kept for the next start.").ConfigureAwait(false);
        await hub.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>An address two systems of the sample world hold for one customer, so the example finds a joined profile.</summary>
    private static string? SharedEmail(Customer360Hub.Sandbox.World.SyntheticWorld world) =>
        world.Units().Take(200)
            .SelectMany(u => Customer360Hub.Sandbox.World.SourceNames.PartySources.SelectMany(s => world.Parties(u, s)))
            .Where(p => p.Email is not null)
            .GroupBy(p => p.Email!.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .FirstOrDefault(g => g.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count() >= 2 && g.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).Count() == 1)?.Key;
}
