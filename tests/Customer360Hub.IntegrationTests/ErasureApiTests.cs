using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Customer360Hub.Changes;
using Customer360Hub.Quality;
using Customer360Hub.Sandbox.World;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.IntegrationTests;

public sealed class ErasureApiTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataFolder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PostErasure_PersonIsGoneFromEveryFileAndAFullResyncDoesNotBringThemBack()
    {
        string email;
        string[] identifiers;
        int records;
        await using (var hub = await StartAsync())
        {
            using var http = Client(hub);
            (email, records, identifiers, var supportUser) = PickPerson(hub.Sandbox!.World);
            var id = await WaitForProfileAsync(http, email, sources: supportUser is null ? 1 : 2);
            var ticket = new SourceChange
            {
                Id = IdempotencyId.For("zendesk", "tickets", "T-77", "1", ChangeOperation.Upsert),
                Source = "zendesk",
                EntityType = "tickets",
                Kind = RecordKind.Ticket,
                RecordId = "T-77",
                SourceVersion = "1",
                ModifiedAt = DateTimeOffset.UtcNow,
                Operation = ChangeOperation.Upsert,
                CustomerRef = supportUser is null ? "email:" + email : $"zendesk/users/{supportUser}",
                Attributes = new Dictionary<string, string> { ["title"] = $"Password reset for {email}", ["status"] = "open" },
            };
            await hub.Services.GetRequiredService<IChangeBus>().PublishAsync(Topics.SourceChanges, [new BusMessage(ticket.Id, ticket.PartitionKey, "Ticket", SourceChangeSerializer.Serialize(ticket))]);
            await WaitForTicketAsync(http, id);

            using var response = await http.PostAsJsonAsync(new Uri("api/v1/erasures", UriKind.Relative), new { email = email.ToUpperInvariant() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([id], report.GetProperty("profileIds").EnumerateArray().Select(p => p.GetString()));
            // The test's ticket plus whatever of the person's own transactions the sandbox has synced by now
            // (AssertNowhere below proves the ticket, which names the email, is gone).
            Assert.Equal(records, report.GetProperty("partyRecords").GetInt32());
            Assert.True(report.GetProperty("transactions").GetInt32() >= 1);
            Assert.True(report.GetProperty("archivePages").GetInt32() >= 1);

            using var lookup = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(email)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
            using var byId = await http.GetAsync(new Uri($"api/v1/profiles/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
            AssertNowhere(identifiers, live: true);
        }

        AssertNowhere(identifiers);

        // Forget every checkpoint: the connectors pull every source again from the start.
        Directory.Delete(Path.Combine(_dataFolder, "checkpoints"), recursive: true);
        await using (var hub = await StartAsync())
        {
            using var http = Client(hub);
            await WaitForProfileAsync(http, PickPerson(hub.Sandbox!.World, skip: 1).Email, sources: 1);
            await WaitUntilQuietAsync(hub);

            using var lookup = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(email)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }

        AssertNowhere(identifiers);
    }

    /// <summary>
    /// A person of the sandbox's ERP whose email no one else uses; the identifiers to look for
    /// afterwards are that email and the phones and names that only this person's records carry.
    /// </summary>
    private static (string Email, int Records, string[] Identifiers, string? SupportUser) PickPerson(SyntheticWorld world, int skip = 0)
    {
        var erp = world.Parties(SourceNames.BusinessCentral).Where(p => p.EntityType == "customers").ToList();
        var support = world.Parties(SourceNames.Zendesk).Where(p => p.EntityType == "users").ToList();
        var all = erp.Concat(support).ToList();
        var pick = erp
            .Where(p => p is { PartyType: CustomerType.Person, Traps: TrapKinds.None } && EmailAddress.Normalize(p.Email) is not null)
            .Where(p => all.Where(o => EmailAddress.Normalize(o.Email) == EmailAddress.Normalize(p.Email)).All(o => o.CustomerId == p.CustomerId))
            .OrderByDescending(p => support.Any(s => EmailAddress.Normalize(s.Email) == EmailAddress.Normalize(p.Email)))
            .Skip(skip)
            .First();
        var email = EmailAddress.Normalize(pick.Email)!;
        var mine = all.Where(o => EmailAddress.Normalize(o.Email) == email).ToList();
        var identifiers = new List<string> { email };
        identifiers.AddRange(mine.Select(r => r.Phone).OfType<string>().Distinct()
            .Where(phone => all.Where(o => o.Phone == phone).All(mine.Contains))
            .Select(phone => phone.TrimStart('+')));
        identifiers.AddRange(mine.Select(r => r.FullName).OfType<string>().Distinct()
            .Where(name => all.Where(o => string.Equals(o.FullName, name, StringComparison.OrdinalIgnoreCase)).All(mine.Contains)
                && world.Customers().Count(c => string.Equals(c.FullName, name, StringComparison.OrdinalIgnoreCase)) == 1));
        return (email, mine.Count, identifiers.Where(i => i.Length >= 5).ToArray(), mine.FirstOrDefault(r => r.Source == SourceNames.Zendesk)?.RecordId);
    }

    private async Task<LocalHub> StartAsync() => await LocalHub.StartAsync([], new Dictionary<string, string?>
    {
        ["Embedded:DataFolder"] = _dataFolder,
        ["Api:Port"] = "0",
        ["Sandbox:World:Customers"] = "60",
        ["Bus:Consumer:IdleWait"] = "00:00:00.050",
        ["Connectors:BusinessCentral:Interval"] = "00:00:01",
        ["Connectors:Zendesk:Interval"] = "00:00:01",
    });

    private static HttpClient Client(LocalHub hub)
    {
        var http = new HttpClient { BaseAddress = hub.ApiUrl };
        http.DefaultRequestHeaders.Add("X-Api-Key", hub.DemoKey);
        return http;
    }

    /// <summary>Every byte of every file in the data folder, case-insensitively.</summary>
    private void AssertNowhere(string[] identifiers, bool live = false)
    {
        // While the hub runs its lock file (holding only a process id) cannot be opened.
        var files = Directory.EnumerateFiles(_dataFolder, "*", SearchOption.AllDirectories).Where(f => !live || Path.GetFileName(f) != "c360.lock").ToList();
        Assert.Contains(files, f => f.Contains("archive", StringComparison.Ordinal));
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (FileNotFoundException) when (live)
            {
                // A page being archived right now: its temporary file was renamed after the
                // listing. The check after the hub stops reads the file it became.
                continue;
            }

            var text = Encoding.UTF8.GetString(bytes);
            foreach (var identifier in identifiers)
            {
                Assert.False(text.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"'{identifier}' is still in {Path.GetRelativePath(_dataFolder, file)}");
            }
        }
    }

    private static async Task<string> WaitForProfileAsync(HttpClient http, string email, int sources)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(new Uri($"api/v1/profiles/lookup?email={Uri.EscapeDataString(email)}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (json.GetProperty("sources").GetArrayLength() >= sources)
                {
                    return json.GetProperty("id").GetString()!;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The profile did not appear within 60 seconds.");
    }

    private static async Task WaitForTicketAsync(HttpClient http, string profileId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var json = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/profiles/{profileId}", UriKind.Relative));
            if (json.GetProperty("aggregates").GetProperty("openTickets").GetInt32() == 1)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The ticket was not linked within 60 seconds.");
    }

    /// <summary>Waits until every connector has passed the end of its source and the resolver has nothing left.</summary>
    private static async Task WaitUntilQuietAsync(LocalHub hub)
    {
        var bus = hub.Services.GetRequiredService<SqliteChangeBus>();
        var checkpoints = Path.Combine(hub.Services.GetRequiredService<Customer360Hub.Embedded.DataFolder>().Root, "checkpoints");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(checkpoints) && Directory.GetFiles(checkpoints, "*.json").Length >= 2
                && bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription) == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The connectors did not finish the resync within 60 seconds.");
    }
}
