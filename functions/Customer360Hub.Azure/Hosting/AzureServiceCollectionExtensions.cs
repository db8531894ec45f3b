using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Azure.Storage.Blobs;
using Customer360Hub.Api.Hosting;
using Customer360Hub.Archive;
using Customer360Hub.Auditing;
using Customer360Hub.Azure.Archive;
using Customer360Hub.Azure.Checkpoints;
using Customer360Hub.Azure.Connectors;
using Customer360Hub.Azure.Auditing;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Azure.Notifications;
using Customer360Hub.Azure.Storage;
using Customer360Hub.Checkpoints;
using Customer360Hub.Connectors.FileDrop;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Connectors.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Messaging;
using Customer360Hub.Notifications;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Customer360Hub.Azure.Hosting;

public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// Everything the Functions app runs on: the core engines, the Azure ports, the connectors, the
    /// API (the same operations as the local host), the trigger-facing services and telemetry to Azure Monitor. The Functions
    /// project's Program.cs calls only this.
    /// </summary>
    public static IServiceCollection AddCustomer360FunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var credential = CredentialFor(configuration.GetSection(AzureOptions.SectionName).Get<AzureOptions>()?.ManagedIdentityClientId);
        services.TryAddSingleton(credential);
        services
            .AddCustomer360Core()
            .AddCustomer360Azure()
            .AddCustomer360Connectors(configuration)
            .AddCustomer360Api()
            .AddCustomer360AzureMonitor(configuration, credential);
        services.AddSingleton<TriggerDispatcher>();
        services.AddSingleton<ConnectorJobs>();
        return services;
    }

    /// <summary>
    /// The Azure homes of the ports: Cosmos DB store, Blob archive, checkpoints and audit trail, Service Bus
    /// publishing and dead-letter admin, alerts as Microsoft Graph mail. Every client authenticates
    /// with the managed identity (<see cref="DefaultAzureCredential"/>); there is no key or
    /// connection string to set.
    /// </summary>
    public static IServiceCollection AddCustomer360Azure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AzureOptions>().BindConfiguration(AzureOptions.SectionName);
        services.AddOptions<CosmosStoreOptions>().BindConfiguration(CosmosStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BlobStorageOptions>().BindConfiguration(BlobStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ServiceBusOptions>().BindConfiguration(ServiceBusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(sp => CredentialFor(sp.GetRequiredService<IOptions<AzureOptions>>().Value.ManagedIdentityClientId));

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value;
            return new CosmosClient(options.Endpoint!.AbsoluteUri, sp.GetRequiredService<TokenCredential>(), new CosmosClientOptions
            {
                ApplicationName = "Customer360Hub",
                AllowBulkExecution = options.AllowBulkExecution,
                // Writes need only the new ETag (a header), not the document echoed back.
                EnableContentResponseOnWrite = false,
            });
        });
        services.AddSingleton<IDocumentStore>(sp => new CosmosDocumentStore(
            sp.GetRequiredService<CosmosClient>().GetDatabase(sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value.Database)));

        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.BlobServiceUri, sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton<IRawArchive>(sp => new BlobRawArchive(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.RawContainer),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICheckpointStore>(sp => new BlobCheckpointStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.CheckpointsContainer)));
        services.AddSingleton<IAuditLog>(sp => new BlobAuditLog(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.AuditContainer)));
        services.AddSingleton<IFileDropSource>(sp => new BlobFileDropSource(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.FileDropContainer)));
        services.AddSingleton<IConnectorStatusStore>(sp => new BlobConnectorStatusStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.CheckpointsContainer)));

        services.AddHttpClient(ServiceBusChangeBus.HttpClientName)
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredService<TokenCredential>(), "https://servicebus.azure.net/.default", sp.GetRequiredService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddSingleton<ServiceBusChangeBus>();
        services.AddSingleton<IChangeBus>(sp => sp.GetRequiredService<ServiceBusChangeBus>());
        services.AddSingleton<IDeadLetterQueue>(sp => sp.GetRequiredService<ServiceBusChangeBus>());

        services.AddOptions<GraphNotifierOptions>().BindConfiguration(GraphNotifierOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(GraphNotifier.HttpClientName)
            .AddHttpMessageHandler(sp => new BearerTokenHandler(sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<IOptions<GraphNotifierOptions>>().Value.Scope, sp.GetRequiredService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddSingleton<INotifier, GraphNotifier>();
        return services;
    }

    /// <summary>
    /// The hub's traces and metrics (<see cref="HubTelemetry"/>) to Application Insights, signed in
    /// with the managed identity. Without a connection string (a developer's machine) nothing is exported.
    /// </summary>
    public static IServiceCollection AddCustomer360AzureMonitor(this IServiceCollection services, IConfiguration configuration, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[TelemetryOptions.ConnectionStringKey];
        if (string.IsNullOrEmpty(connectionString))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(HubTelemetry.Name)
                .AddHttpClientInstrumentation()
                .AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString, credential))
            .WithMetrics(metrics => metrics
                .AddMeter(HubTelemetry.Name)
                .AddAzureMonitorMetricExporter(o => o.ConnectionString = connectionString, credential));
        return services;
    }

    private static TokenCredential CredentialFor(string? managedIdentityClientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrEmpty(managedIdentityClientId) ? null : managedIdentityClientId });
}
