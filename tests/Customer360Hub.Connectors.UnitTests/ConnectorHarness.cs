using Customer360Hub.Changes;
using Customer360Hub.Connectors.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Sandbox.Hosting;
using Customer360Hub.Sandbox.World;
using Customer360Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Connectors.UnitTests;

/// <summary>
/// One connector against a small sandbox world, on the embedded ports in a temporary folder,
/// with short retry delays. Reads what the connector published straight off the bus.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;

    private ConnectorHarness(string folder, SandboxServer sandbox, ServiceProvider services, string source)
    {
        _folder = folder;
        Sandbox = sandbox;
        _services = services;
        Source = source;
        Registration = services.GetServices<ConnectorRegistration>().Single();
    }

    public SandboxServer Sandbox { get; }

    public string Source { get; }

    public ConnectorRegistration Registration { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ConnectorHarness> StartAsync(string source, double malformedRate = 0, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "c360-connector-tests", Guid.NewGuid().ToString("N"));
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            // Salesforce pages by at least 200 records; the file drop has few members per customer.
            World = new WorldOptions { Customers = source switch { SourceNames.Salesforce => 700, SourceNames.FileDrop => 200, _ => 30 }, Seed = 5, ChangeRate = 0.2 },
            TickInterval = TimeSpan.Zero,
            RetryAfter = TimeSpan.Zero,
            MalformedRate = malformedRate,
            DropFolder = Path.Combine(folder, "drop"),
        });
        var settings = sandbox.ConnectorSettings().Where(s => s.Key.StartsWith(SectionOf(source), StringComparison.Ordinal)).ToDictionary();
        var section = SectionOf(source);
        settings[section + ":PageSize"] = source == SourceNames.Salesforce ? "200" : "4";
        settings[section + ":Resilience:Retry:MaxRetryAttempts"] = "8";
        settings[section + ":Resilience:Retry:Delay"] = "00:00:00.005";
        settings[section + ":Resilience:Retry:BackoffType"] = "Constant";
        settings[section + ":Resilience:AttemptTimeout:Timeout"] = "00:00:05";
        settings[section + ":Resilience:TotalRequestTimeout:Timeout"] = "00:00:30";
        settings[section + ":Resilience:CircuitBreaker:SamplingDuration"] = "00:00:10";
        settings[section + ":Resilience:CircuitBreaker:BreakDuration"] = "00:00:00.500";
        settings[section + ":Resilience:CircuitBreaker:MinimumThroughput"] = "1000";
        settings["Embedded:DataFolder"] = folder;
        settings["Privacy:HashKey"] = "connector-tests-hash-key-0123456789abcdef";
        settings["Embedded:Bus:RetryBaseDelay"] = "00:00:00.010";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddCustomer360Core().AddCustomer360Embedded().AddCustomer360Connectors(configuration);
        services.AddSingleton<IConnectorStatusStore>(new FileConnectorStatusStore(Path.Combine(folder, "connector-status")));
        configure?.Invoke(services);
        return new ConnectorHarness(folder, sandbox, services.BuildServiceProvider(), source);
    }

    public Task<SyncResult> SyncAsync() => Get<ConnectorRunner>().SyncAsync(Registration.Connector, Registration.Mapper);

    /// <summary>Every change on the bus not yet taken, taken now.</summary>
    public async Task<List<SourceChange>> DrainAsync()
    {
        var bus = Get<IChangeBus>();
        var changes = new List<SourceChange>();
        while (true)
        {
            var messages = await bus.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 500);
            if (messages.Count == 0)
            {
                return changes;
            }

            changes.AddRange(messages.Select(m => SourceChangeSerializer.Deserialize(m.Body.Span)));
            await bus.CompleteAsync(messages);
        }
    }

    public async Task<List<QuarantinedRecord>> QuarantinedAsync()
    {
        var quarantined = new List<QuarantinedRecord>();
        await foreach (var item in Get<HubStore>().Quarantine.ScanAsync())
        {
            quarantined.Add(item.Document);
        }

        return quarantined;
    }

    /// <summary>
    /// The record keys the connector should publish for the world's records modified at or after
    /// <paramref name="since"/>: every entity type it pulls, as the vendor API shows them.
    /// </summary>
    public HashSet<string> Expected(DateTimeOffset? since = null, bool includeMalformed = false)
    {
        var world = Sandbox.World;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in Registration.Connector.EntityTypes)
        {
            var (worldEntity, keep) = (Source, entity) switch
            {
                (SourceNames.Graph, "inbox") => ("messages", (Func<WorldRecord, bool>)(r => r.Activity!.Status == "received")),
                (SourceNames.Graph, "sentitems") => ("messages", r => r.Activity!.Status == "sent"),
                _ => (entity, _ => true),
            };
            foreach (var record in world.Records(Source, worldEntity, since))
            {
                if (!keep(record) || (!includeMalformed && Sandbox.Faults.IsMalformed(record.Source + record.RecordId)))
                {
                    continue;
                }

                keys.Add(RecordKeys.Of(Source, entity, record.RecordId));
            }
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static string SectionOf(string source) => source switch
    {
        SourceNames.BusinessCentral => "Connectors:BusinessCentral",
        SourceNames.HubSpot => "Connectors:HubSpot",
        SourceNames.FileDrop => "Connectors:FileDrop",
        _ => "Connectors:" + char.ToUpperInvariant(source[0]) + source[1..],
    };
}
