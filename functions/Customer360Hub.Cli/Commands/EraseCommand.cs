using System.CommandLine;
using System.Text.Json;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Cli.Commands;

/// <summary>
/// <c>c360 erase</c>: the right to be forgotten on a stopped hub's data folder. While the hub runs,
/// use <c>POST /api/v1/erasures</c> instead.
/// </summary>
internal static class EraseCommand
{
    private static readonly Option<string?> ProfileOption = new("--profile") { Description = "The profile id to erase (with everything merged into it)." };
    private static readonly Option<string?> EmailOption = new("--email") { Description = "Erase whoever has this email address." };
    private static readonly Option<string?> PhoneOption = new("--phone") { Description = "Erase whoever has this phone number (international form, e.g. +13125550100)." };
    private static readonly Option<string?> RecordOption = new("--record") { Description = "Erase the owner of this source record (source/entityType/recordId)." };
    private static readonly Option<bool> YesOption = new("--yes") { Description = "Confirm: erasure cannot be undone." };

    public static Command Create()
    {
        var command = new Command("erase", "Erase a person everywhere in the data folder (profiles, records, timeline, index, raw archive, bus) and suppress their identifiers.");
        command.Options.Add(RunCommand.DataOption);
        command.Options.Add(ProfileOption);
        command.Options.Add(EmailOption);
        command.Options.Add(PhoneOption);
        command.Options.Add(RecordOption);
        command.Options.Add(YesOption);
        command.SetAction((result, cancellationToken) => RunAsync(result, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var request = new ErasureRequest(result.GetValue(ProfileOption), result.GetValue(EmailOption), result.GetValue(PhoneOption), result.GetValue(RecordOption));
        if (request is { ProfileId: null, Email: null, Phone: null, RecordKey: null })
        {
            await error.WriteLineAsync("c360 erase: say who to erase with --profile, --email, --phone or --record.").ConfigureAwait(false);
            return 1;
        }

        if (!result.GetValue(YesOption))
        {
            await error.WriteLineAsync("c360 erase: erasure cannot be undone; pass --yes to confirm.").ConfigureAwait(false);
            return 1;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("C360_");
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(RunCommand.DataOption) is { } data)
        {
            overrides["Embedded:DataFolder"] = data;
        }

        configuration.AddInMemoryCollection(overrides);
        var settings = configuration.Build();
        var folder = new DataFolder(settings["Embedded:DataFolder"] ?? ".c360");
        DataFolderLock folderLock;
        try
        {
            folderLock = DataFolderLock.Acquire(folder);
        }
        catch (DataFolderUnavailableException ex)
        {
            await error.WriteLineAsync($"c360 erase: {ex.Message} While the hub runs, erase through POST /api/v1/erasures.").ConfigureAwait(false);
            return 2;
        }

        using (folderLock)
        {
            if (string.IsNullOrEmpty(settings["Privacy:HashKey"]))
            {
                overrides["Privacy:HashKey"] = LocalHub.SecretOf(folder, "privacy-hash-key", "c360-hash-");
                configuration.AddInMemoryCollection(overrides);
                settings = configuration.Build();
            }

            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(settings)
                .AddLogging()
                .AddCustomer360Core()
                .AddCustomer360Embedded();
            await using var provider = services.BuildServiceProvider();
            var report = await provider.GetRequiredService<ErasureService>().EraseAsync(request, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(JsonSerializer.Serialize(report, ApiJsonContext.Default.ErasureReport)).ConfigureAwait(false);
            return 0;
        }
    }
}
