using Azure.Core;
using Azure.Identity;
using Customer360Hub.Connectors.Auth;
using Customer360Hub.Connectors.BusinessCentral;
using Customer360Hub.Connectors.FileDrop;
using Customer360Hub.Connectors.Graph;
using Customer360Hub.Connectors.HubSpot;
using Customer360Hub.Connectors.Mapping;
using Customer360Hub.Connectors.Salesforce;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Connectors.Stripe;
using Customer360Hub.Connectors.Zendesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Customer360Hub.Connectors.Hosting;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The connector runner, health board and metrics, and every connector enabled in configuration,
    /// each with its own resilient HTTP client and credentials. The host registers an
    /// <see cref="IConnectorStatusStore"/>.
    /// </summary>
    public static IServiceCollection AddCustomer360Connectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ConnectorRunner>();
        services.TryAddSingleton<ConnectorStatusBoard>();
        services.TryAddSingleton<ConnectorMetrics>();
        services.TryAddSingleton<ConnectorScheduler>();
        services.AddConnector<BusinessCentralConnector, BusinessCentralOptions>(configuration, BusinessCentralOptions.SectionName, BusinessCentralConnector.HttpClientName, BusinessCentralConnector.SourceName, "https://api.businesscentral.dynamics.com/.default");
        services.AddConnector<StripeConnector, StripeOptions>(configuration, StripeOptions.SectionName, StripeConnector.HttpClientName, StripeConnector.SourceName, entraScope: null, sdkAuthenticates: true);
        services.AddConnector<ZendeskConnector, ZendeskOptions>(configuration, ZendeskOptions.SectionName, ZendeskConnector.HttpClientName, ZendeskConnector.SourceName, entraScope: null);
        services.AddConnector<HubSpotConnector, HubSpotOptions>(configuration, HubSpotOptions.SectionName, HubSpotConnector.HttpClientName, HubSpotConnector.SourceName, entraScope: null);
        services.AddConnector<SalesforceConnector, SalesforceOptions>(configuration, SalesforceOptions.SectionName, SalesforceConnector.HttpClientName, SalesforceConnector.SourceName, entraScope: null);
        if (services.AddConnector<GraphConnector, GraphOptions>(configuration, GraphOptions.SectionName, GraphConnector.HttpClientName, GraphConnector.SourceName, entraScope: null, sdkAuthenticates: true))
        {
            services.Replace(ServiceDescriptor.Singleton(sp => new GraphConnector(
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IOptions<GraphOptions>>(),
                GraphAuthentication(sp.GetRequiredService<IOptions<GraphOptions>>().Value.Auth),
                sp.GetRequiredService<TimeProvider>())));
        }

        if (services.AddConnector<FileDropConnector, FileDropOptions>(configuration, FileDropOptions.SectionName, "connector-filedrop", FileDropConnector.SourceName, entraScope: null))
        {
            services.TryAddSingleton<IFileDropSource>(sp => new FolderFileDropSource(sp.GetRequiredService<IOptions<FileDropOptions>>().Value.Folder));
        }

        return services;
    }

    /// <summary>
    /// Registers one connector when <c>Enabled</c> is true in its section: options validated at
    /// start; an HTTP client with credentials and the standard resilience pipeline (retries with
    /// jitter honouring Retry-After on 429 and 5xx, attempt and total timeouts, a circuit breaker),
    /// tunable under <c>{section}:Resilience</c>. Returns whether it was enabled.
    /// </summary>
    public static bool AddConnector<TConnector, TOptions>(this IServiceCollection services, IConfiguration configuration, string section, string httpClientName, string mappingName, string? entraScope, bool sdkAuthenticates = false)
        where TConnector : class, ISourceConnector
        where TOptions : ConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection(section).GetValue<bool>(nameof(ConnectorOptions.Enabled)))
        {
            return false;
        }

        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().Validate(o => AuthIsComplete(o.Auth), $"{section}:Auth is incomplete: give TenantId, ClientId and ClientSecret together, or TokenUrl, ClientId and ClientSecret together.").ValidateOnStart();
        var http = services.AddHttpClient(httpClientName);
        if (!sdkAuthenticates)
        {
            http.AddHttpMessageHandler(sp => AuthHandler(sp.GetRequiredService<IOptions<TOptions>>().Value.Auth, entraScope));
        }

        var resilience = configuration.GetSection(section + ":Resilience");
        if (resilience.Exists())
        {
            http.AddStandardResilienceHandler(resilience);
        }
        else
        {
            http.AddStandardResilienceHandler();
        }
        services.TryAddSingleton<TConnector>();
        services.AddSingleton(sp => new ConnectorRegistration(
            sp.GetRequiredService<TConnector>(),
            new RecordMapper(SourceMapping.FromResource(typeof(TConnector), mappingName)),
            sp.GetRequiredService<IOptions<TOptions>>().Value.Interval));
        return true;
    }

    private static bool AuthIsComplete(ConnectorAuthOptions auth)
    {
        var entraParts = new[] { auth.TenantId, auth.ClientId, auth.ClientSecret }.Count(p => p is not null);
        return auth.TokenUrl is not null ? auth.ClientId is not null && auth.ClientSecret is not null : entraParts is 0 or 3 || auth.UseManagedIdentity;
    }

    /// <summary>The credential handler for a connector's options: Entra token, vendor OAuth, API key, or none.</summary>
    private static DelegatingHandler AuthHandler(ConnectorAuthOptions auth, string? entraScope)
    {
        if (auth.TokenUrl is not null)
        {
            return new ClientCredentialsHandler(auth.TokenUrl, auth.ClientId!, auth.ClientSecret!, auth.Scope);
        }

        if (auth.UsesEntra && (auth.Scope ?? entraScope) is { } scope)
        {
            return new EntraTokenHandler(Credential(auth), scope);
        }

        return auth.ApiKey is not null ? new ApiKeyHandler(auth.ApiKey, auth.UserName) : new PassThroughHandler();
    }

    private static IAuthenticationProvider GraphAuthentication(ConnectorAuthOptions auth) =>
        auth.UsesEntra
            ? new AzureIdentityAuthenticationProvider(Credential(auth), null, null, true, auth.Scope ?? "https://graph.microsoft.com/.default")
            : new AnonymousAuthenticationProvider();

    private static TokenCredential Credential(ConnectorAuthOptions auth) =>
        auth.UseManagedIdentity
            ? new ManagedIdentityCredential(auth.ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(auth.ClientId))
            : new ClientSecretCredential(auth.TenantId, auth.ClientId, auth.ClientSecret);

    /// <summary>No credentials (the local sandbox).</summary>
    private sealed class PassThroughHandler : DelegatingHandler;
}
