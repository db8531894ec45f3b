using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Cli.Commands;
using Customer360Hub.Changes;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests;

public sealed class EraseCommandTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataFolder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Erase_OnAStoppedHub_ErasesAndRefusesWhileItRunsOrUnconfirmed()
    {
        string email;
        string profileId;
        await using (var hub = await StartAsync())
        {
            email = "cli.erase@example.net";
            var person = new SourceChange
            {
                Id = IdempotencyId.For("crm", "contact", "E1", "1", ChangeOperation.Upsert),
                Source = "crm",
                EntityType = "contact",
                Kind = RecordKind.Party,
                RecordId = "E1",
                SourceVersion = "1",
                ModifiedAt = DateTimeOffset.UtcNow,
                Operation = ChangeOperation.Upsert,
                Attributes = new Dictionary<string, string> { ["email"] = email, ["full_name"] = "Cli Erase" },
            };
            await hub.Services.GetRequiredService<IChangeBus>().PublishAsync(Topics.SourceChanges, [new BusMessage(person.Id, person.PartitionKey, "Party", SourceChangeSerializer.Serialize(person))]);
            using var http = Client(hub);
            profileId = await WaitForProfileAsync(http, email);

            var (busy, _, busyError) = await RunAsync("erase", "--data", _dataFolder, "--email", email, "--yes");
            Assert.Equal(2, busy);
            Assert.Contains("POST /api/v1/erasures", busyError, StringComparison.Ordinal);
        }

        var (unconfirmed, _, unconfirmedError) = await RunAsync("erase", "--data", _dataFolder, "--email", email);
        Assert.Equal(1, unconfirmed);
        Assert.Contains("--yes", unconfirmedError, StringComparison.Ordinal);

        var (exit, output, _) = await RunAsync("erase", "--data", _dataFolder, "--email", email, "--yes");

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal([profileId], report.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
        await using (var hub = await StartAsync())
        {
            using var http = Client(hub);
            using var lookup = await http.GetAsync(new Uri($"api/v1/profiles/{profileId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(EraseCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<LocalHub> StartAsync() => await LocalHub.StartAsync([], new Dictionary<string, string?>
    {
        ["Embedded:DataFolder"] = _dataFolder,
        ["Api:Port"] = "0",
        ["Sandbox:Enabled"] = "false",
        ["Bus:Consumer:IdleWait"] = "00:00:00.050",
    });

    private static HttpClient Client(LocalHub hub)
    {
        var http = new HttpClient { BaseAddress = hub.ApiUrl };
        http.DefaultRequestHeaders.Add("X-Api-Key", hub.DemoKey);
        return http;
    }

    private static async Task<string> WaitForProfileAsync(HttpClient http, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(email)}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The profile did not appear within 60 seconds.");
    }
}
