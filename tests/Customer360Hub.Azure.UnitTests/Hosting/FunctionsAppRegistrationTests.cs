using Azure.Core;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Security;
using Customer360Hub.Archive;
using Customer360Hub.Auditing;
using Customer360Hub.Azure.Archive;
using Customer360Hub.Azure.Checkpoints;
using Customer360Hub.Azure.Connectors;
using Customer360Hub.Azure.Hosting;
using Customer360Hub.Azure.Auditing;
using Customer360Hub.Azure.Messaging;
using Customer360Hub.Azure.Notifications;
using Customer360Hub.Azure.Storage;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Checkpoints;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Messaging;
using Customer360Hub.Notifications;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Customer360Hub.Azure.UnitTests.Hosting;

/// <summary>
/// The exact registration the Functions app's Program.cs makes (<see cref="AzureServiceCollectionExtensions.AddCustomer360FunctionsApp"/>),
/// with Azure adapters configured as Bicep configures them, resolved without touching the network.
/// </summary>
public sealed class FunctionsAppRegistrationTests
{
    private static readonly Dictionary<string, string?> AppSettings = new()
    {
        ["Azure:Cosmos:Endpoint"] = "https://c360-test-store.documents.azure.com:443/",
        ["Azure:Cosmos:Database"] = "customer360",
        ["Azure:Storage:BlobServiceUri"] = "https://c360test.blob.core.windows.net/",
        ["Azure:ServiceBus:FullyQualifiedNamespace"] = "c360-test-bus.servicebus.windows.net",
        ["Azure:ServiceBus:MaxDeliveryCount"] = "10",
        ["Privacy:HashKey"] = "test-hash-key-resolved-from-key-vault-in-azure",
        ["Api:EntraId:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
        ["Api:EntraId:Audiences:0"] = "api://customer360hub-test",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-0.in.applicationinsights.azure.com/",
        ["Connectors:BusinessCentral:Enabled"] = "true",
        ["Connectors:BusinessCentral:BaseUrl"] = "https://api.businesscentral.dynamics.com/v2.0/tenant/production",
        ["Connectors:BusinessCentral:CompanyId"] = "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        ["Connectors:Zendesk:Enabled"] = "true",
        ["Connectors:Zendesk:BaseUrl"] = "https://example.zendesk.com",
    };

    [Fact]
    public async Task AddCustomer360FunctionsApp_WithAzureSettings_ResolvesEveryHandlerOnAzureAdapters()
    {
        using var host = Build(AppSettings);
        await host.StartAsync();
        var services = host.Services;

        var handlers = services.GetServices<IMessageHandler>().ToList();
        Assert.Contains(handlers, h => h is ChangeResolver && h.Topic == Topics.SourceChanges && h.Subscription == Topics.ResolverSubscription);
        Assert.Contains(handlers, h => h is ProfileScorer && h.Topic == Topics.ProfileChanges && h.Subscription == Topics.ScorerSubscription);
        Assert.Contains(handlers, h => h is LookupIndexer && h.Topic == Topics.ProfileChanges && h.Subscription == Topics.LookupIndexerSubscription);
        Assert.Equal(
            Topics.Subscriptions.SelectMany(t => t.Value.Select(s => (t.Key, s))).Order(),
            handlers.Select(h => (h.Topic, h.Subscription)).Order());

        Assert.IsType<CosmosDocumentStore>(services.GetRequiredService<IDocumentStore>());
        Assert.IsType<BlobRawArchive>(services.GetRequiredService<IRawArchive>());
        Assert.IsType<BlobCheckpointStore>(services.GetRequiredService<ICheckpointStore>());
        Assert.IsType<ServiceBusChangeBus>(services.GetRequiredService<IChangeBus>());
        Assert.IsType<ServiceBusChangeBus>(services.GetRequiredService<IDeadLetterQueue>());
        Assert.NotNull(services.GetRequiredService<TriggerDispatcher>());
        Assert.NotNull(services.GetRequiredService<ConnectorJobs>());
        Assert.IsType<BlobAuditLog>(services.GetRequiredService<IAuditLog>());
        Assert.NotNull(services.GetRequiredService<Customer360Api>());
        Assert.NotNull(services.GetService<EntraIdAuthenticator>());
        Assert.IsType<GraphNotifier>(services.GetRequiredService<INotifier>());
        Assert.Equal([CoOccurrenceJob.JobName, HealthSnapshotJob.JobName], services.GetRequiredService<ScheduledJobRunner>().Jobs.Select(j => j.Name));
        Assert.Equal(["businesscentral", "zendesk"], services.GetServices<ConnectorRegistration>().Select(r => r.Connector.Source).Order());
        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddCustomer360FunctionsApp_WithoutTheCosmosEndpoint_FailsAtStartNamingTheSetting()
    {
        var settings = new Dictionary<string, string?>(AppSettings) { ["Azure:Cosmos:Endpoint"] = null };
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCustomer360FunctionsApp_NamespaceGivenAsUrl_FailsAtStartWithTheFix()
    {
        var settings = new Dictionary<string, string?>(AppSettings) { ["Azure:ServiceBus:FullyQualifiedNamespace"] = "https://c360.servicebus.windows.net/" };
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("host name only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCustomer360FunctionsApp_WithoutEntraIdOrKeys_FailsAtStartBecauseTheApiWouldBeOpen()
    {
        var settings = new Dictionary<string, string?>(AppSettings) { ["Api:EntraId:Authority"] = null };
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Api:EntraId:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionsProgram_CallsOnlyTheSharedRegistration()
    {
        var program = File.ReadAllText(RepoPaths.Of("functions", "Customer360Hub.Functions", "Program.cs"));

        Assert.Contains("builder.Services.AddCustomer360FunctionsApp(builder.Configuration);", program, StringComparison.Ordinal);
        Assert.DoesNotContain("AddSingleton", program, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();

        // Resolving everything must not reach Azure: a credential that refuses proves nothing asked for a token.
        builder.Services.AddSingleton<TokenCredential>(new RefusingCredential());
        builder.Services.AddCustomer360FunctionsApp(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }

    private sealed class RefusingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token may be requested while the app is only being composed.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token may be requested while the app is only being composed.");
    }
}
