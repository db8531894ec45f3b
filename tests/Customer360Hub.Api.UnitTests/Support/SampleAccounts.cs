using Customer360Hub.Changes;
using Customer360Hub.Messaging;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.UnitTests.Support;

/// <summary>
/// A B2B account (Acme with two contacts, a child account and an open invoice) resolved by the real
/// resolver, and a household of the two contacts, written as identity resolution groups them.
/// </summary>
public static class SampleAccounts
{
    public const string HouseholdId = "h-acme-family";
    public const string RitaEmail = "rita@acme.example";
    public const string RitaPhone = "+16502530000";

    public static async Task<(string Acme, string Rita, string Sam)> SeedAsync(ApiHost host)
    {
        var at = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        await ResolveAsync(host,
        [
            Party("crm", "account", "ACME", at, new() { ["party_type"] = "organization", ["company_name"] = "Acme Corp", ["email"] = "office@acme.example" }),
            Party("crm", "account", "ACME-EU", at, new() { ["party_type"] = "organization", ["company_name"] = "Acme Europe", ["email"] = "eu@acme.example", ["parent_account_ref"] = "crm/account/ACME" }),
            Party("crm", "contact", "C1", at, new() { ["full_name"] = "Rita Buyer", ["email"] = RitaEmail, ["phone"] = RitaPhone, ["account_ref"] = "crm/account/ACME", ["contact_role"] = "Buyer" }),
            Party("crm", "contact", "C2", at, new() { ["full_name"] = "Sam Sponsor", ["email"] = "sam@acme.example", ["account_ref"] = "crm/account/ACME", ["contact_role"] = "executive sponsor" }),
        ]);
        await ResolveAsync(host,
        [
            new SourceChange
            {
                Id = IdempotencyId.For("billing", "invoice", "INV-1", "1", ChangeOperation.Upsert),
                Source = "billing",
                EntityType = "invoice",
                Kind = RecordKind.Invoice,
                RecordId = "INV-1",
                SourceVersion = "1",
                ModifiedAt = at,
                PulledAt = at,
                Operation = ChangeOperation.Upsert,
                CustomerRef = "crm/account/ACME",
                Attributes = new Dictionary<string, string> { ["occurred_at"] = at.ToString("O"), ["amount"] = "1200", ["amount_due"] = "1200", ["currency"] = "USD", ["status"] = "open", ["title"] = "Invoice INV-1" },
            },
        ]);

        var store = host.Store;
        var acme = await ProfileOfAsync(store, "crm/account/ACME");
        var rita = await ProfileOfAsync(store, "crm/contact/C1");
        var sam = await ProfileOfAsync(store, "crm/contact/C2");

        // Identity resolution groups households; here the grouping is written as it would write it.
        var writes = new List<DocumentWrite>();
        foreach (var id in new[] { rita, sam })
        {
            var profile = (await store.Profiles.GetAsync(DocumentKey.Single(id)))!;
            writes.Add(store.Profiles.Replace(profile.Key, profile.Document with { HouseholdId = HouseholdId }, profile.ETag));
            writes.Add(store.Households.Upsert(new DocumentKey(HouseholdId, id), new HouseholdMember(HouseholdId, id, at)));
        }

        await store.Documents.WriteAsync(writes);
        foreach (var id in new[] { acme, rita, sam })
        {
            await host.IndexAsync(id);
        }

        return (acme, rita, sam);
    }

    public static async Task ResolveAsync(ApiHost host, IReadOnlyList<SourceChange> changes)
    {
        var resolver = host.Services.GetRequiredService<ChangeResolver>();
        var messages = changes.Select(c => new ReceivedMessage(Topics.SourceChanges, Topics.ResolverSubscription, c.Id, c.PartitionKey, c.Kind.ToString(), SourceChangeSerializer.Serialize(c), 1, c.PulledAt, c.Id)).ToList();
        var rejected = await resolver.HandleAsync(messages);
        Assert.Empty(rejected);
    }

    public static async Task<string> ProfileOfAsync(HubStore store, string recordKey) =>
        (await store.Records.GetAsync(DocumentKey.Single(recordKey)))?.Document.ProfileId ?? throw new InvalidOperationException($"{recordKey} was not resolved.");

    public static SourceChange Party(string source, string entityType, string id, DateTimeOffset at, Dictionary<string, string> attributes) => new()
    {
        Id = IdempotencyId.For(source, entityType, id, "1", ChangeOperation.Upsert),
        Source = source,
        EntityType = entityType,
        Kind = RecordKind.Party,
        RecordId = id,
        SourceVersion = "1",
        ModifiedAt = at,
        PulledAt = at,
        Operation = ChangeOperation.Upsert,
        Attributes = attributes,
    };
}
