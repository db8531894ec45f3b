using System.CommandLine;
using Customer360Hub.Connectors.FileDrop;
using Customer360Hub.Connectors.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Cli.Commands;

/// <summary>
/// <c>c360 import</c>: loads CSV or NDJSON batch files (canonical party columns) into the data
/// folder through the file-drop connector, with a progress bar. The changes wait on the bus and
/// are resolved when the hub runs. Resumable: a second import of the same files continues where the first stopped.
/// </summary>
internal static class ImportCommand
{
    private static readonly Argument<string> PathArgument = new("path") { Description = "A .csv/.ndjson file, or a folder of them (read in name order)." };
    private static readonly Option<string?> DataOption = new("--data") { Description = "The data folder (default ./.c360)." };
    private static readonly Option<string> EntityOption = new("--entity")
    {
        Description = "The entity type in the records' keys (filedrop/<entity>/<record_id>); imports with different entities keep separate progress.",
        DefaultValueFactory = _ => "records",
    };

    public static Command Create()
    {
        var command = new Command("import", "Import batch files of party records (canonical CSV columns or NDJSON), or product usage with --entity usage, into the hub.");
        command.Arguments.Add(PathArgument);
        command.Options.Add(DataOption);
        command.Options.Add(EntityOption);
        command.SetAction(ImportAsync);
        return command;
    }

    private static async Task<int> ImportAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var path = Path.GetFullPath(result.GetValue(PathArgument)!);
        var isFile = File.Exists(path);
        if (!isFile && !Directory.Exists(path))
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"c360: '{path}' is neither a file nor a folder.").ConfigureAwait(false);
            return 2;
        }

        var folder = new DataFolder(result.GetValue(DataOption) ?? ".c360");
        using var folderLock = DataFolderLock.Acquire(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embedded:DataFolder"] = folder.Root,
            ["Connectors:FileDrop:Enabled"] = "true",
            ["Connectors:FileDrop:Folder"] = isFile ? Path.GetDirectoryName(path) : path,
            ["Connectors:FileDrop:EntityType"] = result.GetValue(EntityOption),
            ["Connectors:FileDrop:PageSize"] = "1000",
            ["Privacy:HashKey"] = Hosting.LocalHub.SecretOf(folder, "privacy-hash-key", "c360-hash-"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddCustomer360Core().AddCustomer360Embedded().AddCustomer360Connectors(configuration);
        services.AddSingleton<IConnectorStatusStore>(new FileConnectorStatusStore(folder.PathOf(Hosting.LocalHub.ConnectorStatusFolder)));
        if (isFile)
        {
            services.Replace(ServiceDescriptor.Singleton<IFileDropSource>(new FolderFileDropSource(Path.GetDirectoryName(path)!, Path.GetFileName(path))));
        }

        await using var provider = services.BuildServiceProvider();
        var registration = provider.GetServices<ConnectorRegistration>().Single();
        var connector = (FileDropConnector)registration.Connector;
        var progress = new ProgressLine(output, 1);
        connector.Progress += (_, p) => progress.Report(p.Done, p.Total);
        var sync = await provider.GetRequiredService<ConnectorScheduler>().SyncOnceAsync(registration, cancellationToken).ConfigureAwait(false);
        progress.Finish();
        if (sync is null)
        {
            var status = (await provider.GetRequiredService<IConnectorStatusStore>().ListAsync(cancellationToken).ConfigureAwait(false)).Single(s => s.Source == FileDropConnector.SourceName);
            await result.InvocationConfiguration.Error.WriteLineAsync("c360: the import stopped: " + status.LastError + ". Run it again to continue where it stopped.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"Imported {sync.Changes} records ({sync.Quarantined} quarantined with their reasons) in {sync.Pages} pages. They are resolved into profiles when the hub runs ('c360 run').").ConfigureAwait(false);
        return 0;
    }
}
