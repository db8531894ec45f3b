using System.Security.Cryptography;
using Customer360Hub.Api.Hosting;
using Customer360Hub.Connectors.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Messaging;
using Customer360Hub.Sandbox.Hosting;
using Customer360Hub.Scoring;
using Customer360Hub.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Customer360Hub.Cli.Hosting;

/// <summary>
/// The whole hub in one process on the embedded ports: the sample source systems (sandbox),
/// connectors on their schedules, resolver and scorer as bus consumers, the daily scoring jobs
/// (health snapshots, co-occurrence rules), and the HTTP API.
/// </summary>
public sealed class LocalHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DataFolderLock _lock;

    private LocalHub(WebApplication app, DataFolderLock folderLock, SandboxServer? sandbox, Uri apiUrl, string demoKey)
    {
        _app = app;
        _lock = folderLock;
        Sandbox = sandbox;
        ApiUrl = apiUrl;
        DemoKey = demoKey;
    }

    public Uri ApiUrl { get; }

    /// <summary>The key printed for local use; null when keys come from configuration.</summary>
    public string? DemoKey { get; }

    public SandboxServer? Sandbox { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Cancelled when the hub's host stops; the host takes Ctrl+C and SIGTERM, so work driving the hub stops with it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Where connector health is kept in the data folder (read by <c>c360 connectors</c>).</summary>
    public const string ConnectorStatusFolder = "connector-status";

    /// <summary>Configures and starts the hub. <paramref name="overrides"/> win over every other configuration source.</summary>
    public static Task<LocalHub> StartAsync(string[] args, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken = default) =>
        StartAsync(args, overrides, null, cancellationToken);

    /// <summary>
    /// Configures and starts the hub; <paramref name="extend"/> adds services (registered last, so
    /// they win) and endpoints to it before it starts, as the benchmark does with its probes.
    /// </summary>
    public static async Task<LocalHub> StartAsync(string[] args, IReadOnlyDictionary<string, string?> overrides, LocalHubExtension? extend, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Connector secrets live in user secrets on a developer machine (dotnet user-secrets set ...).
        builder.Configuration.AddUserSecrets(typeof(LocalHub).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables("C360_");
        builder.Configuration.AddInMemoryCollection(overrides);

        var folder = new DataFolder(builder.Configuration[$"{EmbeddedOptions.SectionName}:{nameof(EmbeddedOptions.DataFolder)}"] ?? ".c360");
        var folderLock = DataFolderLock.Acquire(folder);
        SandboxServer? sandbox = null;
        try
        {
            var settings = new Dictionary<string, string?>();
            if (builder.Configuration.GetValue("Sandbox:Enabled", false))
            {
                var sandboxOptions = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();
                sandboxOptions.DropFolder ??= folder.PathOf("drop");
                sandbox = await SandboxServer.StartAsync(sandboxOptions, builder.Configuration.GetValue("Sandbox:Port", 0), cancellationToken).ConfigureAwait(false);
                foreach (var (key, value) in sandbox.ConnectorSettings())
                {
                    settings[key] = value;
                }
            }

            var demoKey = builder.Configuration.GetSection("Api:Keys").GetChildren().Any() ? null : SecretOf(folder, "demo-api-key", "c360-demo-");
            if (string.IsNullOrEmpty(builder.Configuration["Privacy:HashKey"]))
            {
                settings["Privacy:HashKey"] = SecretOf(folder, "privacy-hash-key", "c360-hash-");
            }

            if (demoKey is not null)
            {
                settings["Api:Keys:0:Name"] = "local-demo";
                settings["Api:Keys:0:Key"] = demoKey;
                settings["Api:Keys:0:Role"] = "admin";
                settings["Api:Keys:0:Manager"] = "true";
            }

            builder.Configuration.AddInMemoryCollection(settings);
            builder.Configuration.AddInMemoryCollection(overrides);
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration.GetValue("Api:Port", 7071)}");
            builder.Services.AddSingleton(folder);
            builder.Services.AddSingleton<IConnectorStatusStore>(new FileConnectorStatusStore(folder.PathOf(ConnectorStatusFolder)));
            builder.Services
                .AddCustomer360Core()
                .AddCustomer360Embedded()
                .AddCustomer360Connectors(builder.Configuration)
                .AddCustomer360Api();
            AddConsoleTelemetry(builder);
            builder.Services.AddHostedService<BusConsumerService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ConnectorScheduler>());
            builder.Services.AddHostedService<ScheduledJobService>();
            extend?.Services?.Invoke(builder.Services);

            var app = builder.Build();
            app.UseCustomer360Api();
            extend?.Endpoints?.Invoke(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LocalHub(app, folderLock, sandbox, new Uri(address), demoKey!);
        }
        catch
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }

            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync().ConfigureAwait(false);
        }

        _lock.Dispose();
    }

    /// <summary>
    /// <c>Telemetry:Console=true</c> (or <c>--Telemetry:Console true</c>) prints the hub's metrics
    /// every <c>Telemetry:IntervalSeconds</c> and its spans as they end: the same instruments the
    /// Functions app exports to Azure Monitor.
    /// </summary>
    private static void AddConsoleTelemetry(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Telemetry:Console", false))
        {
            return;
        }

        var interval = builder.Configuration.GetValue("Telemetry:IntervalSeconds", 30);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(HubTelemetry.Name, ConnectorMetrics.MeterName)
                .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval * 1000))
            .WithTracing(tracing => tracing.AddSource(HubTelemetry.Name).AddConsoleExporter());
    }

    /// <summary>A random secret kept in the data folder, so it stays the same across restarts.</summary>
    internal static string SecretOf(DataFolder folder, string name, string prefix)
    {
        var path = folder.PathOf(name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(path, key);
        return key;
    }
}
