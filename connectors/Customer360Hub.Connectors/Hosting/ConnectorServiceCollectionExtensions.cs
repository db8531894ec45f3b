using Customer360Hub.Connectors.BusinessCentral;
using Customer360Hub.Connectors.Mapping;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Connectors.Zendesk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.Hosting;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The connector runner and every connector enabled in configuration, each with a resilient HTTP client.</summary>
    public static IServiceCollection AddCustomer360Connectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConnectorRunner>();
        services.AddSingleton<ConnectorStatusBoard>();
        services.AddConnector<BusinessCentralConnector, BusinessCentralOptions>(configuration, BusinessCentralOptions.SectionName, BusinessCentralConnector.HttpClientName, "businesscentral");
        services.AddConnector<ZendeskConnector, ZendeskOptions>(configuration, ZendeskOptions.SectionName, ZendeskConnector.HttpClientName, "zendesk");
        return services;
    }

    /// <summary>Registers one connector when <c>Enabled</c> is true in its section: options validated at start, HTTP with retries honouring Retry-After, timeouts and a circuit breaker.</summary>
    public static IServiceCollection AddConnector<TConnector, TOptions>(this IServiceCollection services, IConfiguration configuration, string section, string httpClientName, string mappingName)
        where TConnector : class, ISourceConnector
        where TOptions : ConnectorOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection(section).GetValue<bool>(nameof(ConnectorOptions.Enabled)))
        {
            return services;
        }

        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(httpClientName).AddStandardResilienceHandler();
        services.AddSingleton<TConnector>();
        services.AddSingleton(sp => new ConnectorRegistration(
            sp.GetRequiredService<TConnector>(),
            new RecordMapper(SourceMapping.FromResource(typeof(TConnector), mappingName)),
            sp.GetRequiredService<IOptions<TOptions>>().Value.Interval));
        return services;
    }
}
