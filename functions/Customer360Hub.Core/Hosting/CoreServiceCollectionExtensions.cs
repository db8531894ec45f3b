using Customer360Hub.Accounts;
using Customer360Hub.History;
using Customer360Hub.Matching;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Customer360Hub.Survivorship;
using Customer360Hub.Timeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The transport-free core: resolver, scorer, the daily jobs (<see cref="IScheduledJob"/>) and their engines. The hosts add the port
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
        services.TryAddSingleton<SurvivorshipEngine>();
        services.TryAddSingleton<RecordValidator>();
        services.TryAddSingleton<CustomerRefs>();
        services.TryAddSingleton<AggregateCalculator>();
        services.TryAddSingleton<TimelineLedger>();
        services.TryAddSingleton<TransactionLinker>();
        services.TryAddSingleton<PartyLinks>();
        services.TryAddSingleton<ProfileHistory>();
        services.TryAddSingleton<ProfileComposer>();
        services.TryAddSingleton<RetentionPolicy>();
        services.TryAddSingleton<IdentifierHasher>();
        services.TryAddSingleton<SuppressionList>();
        services.TryAddSingleton<ErasureService>();
        services.TryAddSingleton<AccountReader>();
        services.TryAddSingleton<QualityReporter>();
        services.TryAddSingleton<ChangeResolver>();
        services.TryAddSingleton<HealthModel>();
        services.TryAddSingleton<SignalDetector>();
        services.TryAddSingleton<AnomalyGuard>();
        services.TryAddSingleton<ExpansionRuleCache>();
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton<HealthScorer>();
        services.TryAddSingleton<ProfileScorer>();
        services.TryAddSingleton<HealthSnapshotJob>();
        services.TryAddSingleton<CoOccurrenceJob>();
        services.TryAddSingleton<ScheduledJobRunner>();
        services.TryAddSingleton<HealthQueries>();
        services.TryAddSingleton<PortfolioQueries>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScheduledJob, CoOccurrenceJob>(sp => sp.GetRequiredService<CoOccurrenceJob>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScheduledJob, HealthSnapshotJob>(sp => sp.GetRequiredService<HealthSnapshotJob>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, ChangeResolver>(sp => sp.GetRequiredService<ChangeResolver>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, ProfileScorer>(sp => sp.GetRequiredService<ProfileScorer>()));
        services.AddOptions<BusConsumerOptions>().BindConfiguration(BusConsumerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SurvivorshipOptions>().BindConfiguration(SurvivorshipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SurvivorshipOptions>, SurvivorshipOptionsValidator>());
        services.AddOptions<QualityOptions>().BindConfiguration(QualityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AggregateOptions>().BindConfiguration(AggregateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        services.AddOptions<SignalOptions>().BindConfiguration(SignalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
