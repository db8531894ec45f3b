using Customer360Hub.Messaging;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Customer360Hub.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The transport-free core: resolver, scorer and their engines. The hosts add the port
    /// implementations (embedded or Azure) next to it.
    /// </summary>
    public static IServiceCollection AddCustomer360Core(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubStore>();
        services.TryAddSingleton<IdentityResolver>();
        services.TryAddSingleton<TransactionLinker>();
        services.TryAddSingleton<ProfileComposer>();
        services.TryAddSingleton<ChangeResolver>();
        services.TryAddSingleton<ProfileScorer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, ChangeResolver>(sp => sp.GetRequiredService<ChangeResolver>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, ProfileScorer>(sp => sp.GetRequiredService<ProfileScorer>()));
        services.AddOptions<BusConsumerOptions>().BindConfiguration(BusConsumerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
