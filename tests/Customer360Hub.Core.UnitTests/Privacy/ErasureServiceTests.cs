using System.Text;
using Customer360Hub.Archive;
using Customer360Hub.Changes;
using Customer360Hub.Core.UnitTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Privacy;
using Customer360Hub.Storage;

namespace Customer360Hub.Core.UnitTests.Privacy;

public sealed class ErasureServiceTests : IAsyncLifetime
{
    // Unusual values, so finding any of them anywhere means the erasure missed it.
    private static readonly string[] Identifiers =
    [
        "zebulon.quixtrot@example.org", "zebulon", "quixtrot", "3125550177", "555-0177", "3125550188", "42 wallaby way", "998-41-2278",
    ];

    private TestHub _hub = TestHub.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Erase_ByEmail_LeavesNoIdentifierInAnyFileAndReingestingDoesNotRecreate()
    {
        var archive = _hub.Get<IRawArchive>();
        var oldPage = await archive.StoreAsync("crm", "contact", Encoding.UTF8.GetBytes("""
            {"value":[{"id":"Z1","displayName":"Zebulon Quixtrot","email":"ZEBULON.QUIXTROT@EXAMPLE.ORG","phone":"(312) 555-0188","updatedAt":"2026-09-01T00:00:00Z"}]}
            """));
        _hub.Time.Advance(TimeSpan.FromSeconds(1));
        var crmPage = await archive.StoreAsync("crm", "contact", Encoding.UTF8.GetBytes("""
            {"value":[
              {"id":"Z1","displayName":"Zebulon Quixtrot","email":"ZEBULON.QUIXTROT@EXAMPLE.ORG","phone":"+1 312 555 0177","street":"42 Wallaby Way","ssn":"998-41-2278"},
              {"id":"A1","displayName":"Ann Other","email":"ann.other@example.org","phone":"+1 312 555 0100"}]}
            """));
        var ticketPage = await archive.StoreAsync("support", "tickets", Encoding.UTF8.GetBytes("""
            {"tickets":[{"id":9,"requester_id":77,"subject":"Login for zebulon.quixtrot@example.org fails"},{"id":10,"requester_id":78,"subject":"Invoice copy"}]}
            """));

        var person = new[]
        {
            TestHub.Party("crm", "contact", "Z1", 2, new Dictionary<string, string>
            {
                ["full_name"] = "Zebulon Quixtrot", ["email"] = "ZEBULON.QUIXTROT@EXAMPLE.ORG", ["phone"] = "+1 312 555 0177", ["country"] = "US",
                ["address_line1"] = "42 Wallaby Way", ["city"] = "Chicago", ["national_id"] = "998-41-2278",
            }) with { RawRef = crmPage + "#0" },
            TestHub.Party("support", "users", "77", 1, new Dictionary<string, string> { ["full_name"] = "Zebulon Quixtrot", ["email"] = "zebulon.quixtrot@example.org", ["phone"] = "tel 12" }),
            TestHub.Transaction("support", "tickets", "9", RecordKind.Ticket, "support/users/77", new Dictionary<string, string> { ["title"] = "Login for zebulon.quixtrot@example.org fails", ["status"] = "open" }) with { RawRef = ticketPage + "#0" },
            TestHub.Transaction("billing", "invoice", "I9", RecordKind.Invoice, "email:zebulon.quixtrot@example.org", new Dictionary<string, string> { ["amount"] = "10", ["status"] = "open" }),
            TestHub.Transaction("billing", "invoice", "I10", RecordKind.Invoice, "phone:+13125550177", new Dictionary<string, string> { ["amount"] = "12", ["status"] = "open" }),
        };
        var other = new[]
        {
            TestHub.Party("crm", "contact", "A1", 1, new Dictionary<string, string> { ["full_name"] = "Ann Other", ["email"] = "ann.other@example.org" }) with { RawRef = crmPage + "#1" },
            TestHub.Transaction("support", "tickets", "10", RecordKind.Ticket, "crm/contact/A1", new Dictionary<string, string> { ["title"] = "Invoice copy", ["status"] = "open" }),
        };
        await _hub.ResolveAsync([.. person, .. other]);

        // The person is also still on the bus: one change queued, one in the dead letter.
        var bus = _hub.Get<IChangeBus>();
        var queued = TestHub.Party("crm", "contact", "Z1", 3, new Dictionary<string, string> { ["email"] = "zebulon.quixtrot@example.org", ["city"] = "Quixtrot Falls" });
        await bus.PublishAsync(Topics.SourceChanges, [new BusMessage("dead", "crm/contact/Z1", "Party", SourceChangeSerializer.Serialize(person[0]))]);
        var leased = await bus.ReceiveAsync(Topics.SourceChanges, Topics.ResolverSubscription, 10);
        await bus.DeadLetterAsync(Assert.Single(leased), "test");
        await bus.PublishAsync(Topics.SourceChanges, [new BusMessage(queued.Id, queued.PartitionKey, "Party", SourceChangeSerializer.Serialize(queued))]);
        var profileId = (await _hub.ProfileIdOfAsync("crm/contact/Z1"))!;
        Assert.Equal(3, (await _hub.TimelineOfAsync(profileId)).Count);

        var report = await _hub.Get<ErasureService>().EraseAsync(new ErasureRequest(Email: "Zebulon.Quixtrot@example.org"));

        Assert.Equal([profileId], report.ProfileIds);
        Assert.Equal((2, 3), (report.PartyRecords, report.Transactions));
        Assert.Equal(3, report.ArchivePages);
        Assert.Equal(4, report.BusMessages); // the queued change, the dead letter and the profile announcement (for the scorer and the lookup indexer)
        Assert.Null(await _hub.Store.GetProfileAsync(profileId));
        var annProfile = await _hub.ProfileOfAsync("crm/contact/A1");
        Assert.Equal("Ann Other", annProfile.Fields["full_name"].Value);
        Assert.Single(await _hub.TimelineOfAsync(annProfile.Id));

        // Re-ingesting the same source records (a replay, a full resync) does not re-create them.
        await _hub.ResolveAsync([.. person, queued]);
        Assert.Null(await _hub.ProfileIdOfAsync("crm/contact/Z1"));
        Assert.Null(await _hub.Store.Records.GetAsync(DocumentKey.Single("support/tickets/9")));
        Assert.Equal(1, await _hub.Store.Profiles.ScanAsync().CountAsync());

        // Every byte of every file in the data folder: while the hub still has them open (the
        // write-ahead log included), and again once it has closed them.
        var folder = _hub.Folder;
        await AssertNoIdentifierAsync(folder);
        await _hub.DisposeKeepingFilesAsync();
        var files = await AssertNoIdentifierAsync(folder);

        // The scan does see data: the other customer is still there.
        Assert.Contains(files, f => Encoding.UTF8.GetString(File.ReadAllBytes(f)).Contains("ann.other@example.org", StringComparison.OrdinalIgnoreCase));
        Directory.Delete(folder, recursive: true);
        _hub = TestHub.Create();
    }

    private static async Task<List<string>> AssertNoIdentifierAsync(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("store.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).ToLowerInvariant();
            foreach (var identifier in Identifiers)
            {
                Assert.False(text.Contains(identifier, StringComparison.Ordinal), $"'{identifier}' is still in {Path.GetRelativePath(folder, file)}");
            }
        }

        return files;
    }
}
