using Customer360Hub.Api.Accounts;
using Customer360Hub.Api.Audit;
using Customer360Hub.Api.Connectors;
using Customer360Hub.Api.Auditing;
using Customer360Hub.Api.DeadLetters;
using Customer360Hub.Api.Scores;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Privacy;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Quality;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Api.Security;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Hosting;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Everything the API needs in either host: authentication (API keys, Entra ID), the scoping
    /// policy, the audit trail writer, the lookup indexer, the operations and their handlers.
    /// The host adds the core (<c>AddCustomer360Core</c>), an <see cref="Customer360Hub.Auditing.IAuditLog"/>,
    /// the profile store, the dead-letter queue and the connector status store.
    /// </summary>
    public static IServiceCollection AddCustomer360Api(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddOptions<ScopingOptions>().Configure(DefaultScopingPolicy.Apply).BindConfiguration(ScopingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScopingOptions>, ScopingOptionsValidator>());
        services.AddOptions<AuditTrailOptions>().BindConfiguration(AuditTrailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiCacheOptions>().BindConfiguration(ApiCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LookupOptions>().BindConfiguration(LookupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(EntraIdAuthenticator.HttpClientName).AddStandardResilienceHandler();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<ApiOptions>>().Value.EntraId.Authority)
            ? null!
            : ActivatorUtilities.CreateInstance<EntraIdAuthenticator>(sp));
        services.TryAddSingleton<CallerAuthenticator>();
        services.TryAddSingleton<FieldScopePolicy>();
        services.TryAddSingleton<ProfileViewCache>();
        services.TryAddSingleton<LookupIndex>();
        services.TryAddSingleton<LookupIndexer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, LookupIndexer>(sp => sp.GetRequiredService<LookupIndexer>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDerivedDataEraser, LookupIndexer>(sp => sp.GetRequiredService<LookupIndexer>()));
        services.TryAddSingleton<ProfileRenderer>();
        services.TryAddSingleton(sp => new ProfileHandlers(
            sp.GetRequiredService<HubStore>(),
            sp.GetRequiredService<FieldScopePolicy>(),
            sp.GetRequiredService<LookupIndex>(),
            sp.GetRequiredService<ProfileRenderer>(),
            sp.GetRequiredService<IOptions<LookupOptions>>()));
        services.TryAddSingleton<AccountHandlers>();
        services.TryAddSingleton<HealthHandlers>();
        services.TryAddSingleton<QualityHandlers>();
        services.TryAddSingleton<ErasureHandlers>();
        services.TryAddSingleton<DeadLetterHandlers>();
        services.TryAddSingleton<IdentityHandlers>();
        services.TryAddSingleton<ConnectorHandlers>();
        services.TryAddSingleton<AuditHandlers>();
        services.TryAddSingleton<ApiOperations>();
        services.TryAddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.TryAddSingleton<Customer360Api>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["correlationId"] = CorrelationIds.Of(c.HttpContext));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        return services;
    }
}
