using Customer360Hub.Matching;
using Customer360Hub.Messaging;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            var model = string.IsNullOrEmpty(options.ModelFile) ? MatchModel.Default : MatchModelFile.Load(options.ModelFile);
            return new PairScorer(model, options.ToPolicy());
        });
        services.TryAddSingleton<IdentityResolver>(sp => new IdentityResolver(
            sp.GetRequiredService<HubStore>(), sp.GetRequiredService<PairScorer>(), sp.GetRequiredService<IOptions<IdentityOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IdentityExplainer>();
        services.TryAddSingleton<StewardActions>();
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
