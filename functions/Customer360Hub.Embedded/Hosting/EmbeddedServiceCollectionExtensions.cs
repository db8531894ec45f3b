using Customer360Hub.Archive;
using Customer360Hub.Auditing;
using Customer360Hub.Embedded.Auditing;
using Customer360Hub.Checkpoints;
using Customer360Hub.Embedded.Archive;
using Customer360Hub.Embedded.Checkpoints;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Embedded.Notifications;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Messaging;
using Customer360Hub.Notifications;
using Customer360Hub.Privacy;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Embedded.Hosting;

public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>
    /// The embedded ports, all state in one data folder (<see cref="EmbeddedOptions.DataFolder"/>):
    /// <c>bus.db</c>, <c>store.db</c>, <c>audit.db</c>, <c>archive/</c>, <c>checkpoints/</c>, <c>alerts.jsonl</c>.
    /// </summary>
    public static IServiceCollection AddCustomer360Embedded(this IServiceCollection services)
    {
        services.AddOptions<EmbeddedOptions>().BindConfiguration(EmbeddedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SqliteBusOptions>().BindConfiguration(SqliteBusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotifierOptions>().BindConfiguration(NotifierOptions.SectionName);
        services.AddHttpClient(LocalNotifier.HttpClientName);

        services.AddSingleton(sp => new DataFolder(sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.DataFolder));
        services.AddSingleton(sp => new SqliteChangeBus(
            sp.GetRequiredService<DataFolder>().PathOf("bus.db"),
            sp.GetRequiredService<IOptions<SqliteBusOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.Durability,
            busyTimeout: sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.BusyTimeout));
        services.AddSingleton<IChangeBus>(sp => sp.GetRequiredService<SqliteChangeBus>());
        services.AddSingleton<IDeadLetterQueue>(sp => sp.GetRequiredService<SqliteChangeBus>());
        services.AddSingleton(sp => new SqliteDocumentStore(
            sp.GetRequiredService<DataFolder>().PathOf("store.db"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.Durability,
            sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.BusyTimeout));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        services.AddSingleton<IMessageEraser>(sp => sp.GetRequiredService<SqliteChangeBus>());
        services.AddSingleton<IStorageScrubber>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        services.AddSingleton<IStorageScrubber>(sp => sp.GetRequiredService<SqliteChangeBus>());
        services.AddHostedService<StorePurgeService>();
        services.AddSingleton<IRawArchive>(sp => new FolderRawArchive(sp.GetRequiredService<DataFolder>().PathOf("archive"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAuditLog>(sp => new SqliteAuditLog(
            sp.GetRequiredService<DataFolder>().PathOf("audit.db"),
            sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value.Durability));
        services.AddSingleton<ICheckpointStore>(sp => new FileCheckpointStore(sp.GetRequiredService<DataFolder>().PathOf("checkpoints")));
        services.AddSingleton<INotifier>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotifierOptions>>().Value;
            return new LocalNotifier(
                string.IsNullOrEmpty(options.File) ? null : sp.GetRequiredService<DataFolder>().PathOf(options.File),
                options.WebhookUrl,
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<ILogger<LocalNotifier>>());
        });
        return services;
    }
}
