using Customer360Hub.Profiles;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;

namespace Customer360Hub.Api.UnitTests.Support;

/// <summary>Profiles with every kind of field and timeline item a policy must handle, written straight to the store.</summary>
public static class SampleProfiles
{
    public const string JaneId = "p-00000000000000000001";
    public const string MergedId = "p-00000000000000000002";
    public const string NamesakeId = "p-00000000000000000003";
    public const string MissingId = "p-0000000000000000ffff";
    public const string SalesforceAccountId = "001A000001JaneDoeAAA";
    public const string StripeCustomerId = "cus_Jane123";

    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly EngineInfo Engine = new("exact-email", "most-recent", "Preliminary.");

    /// <summary>Jane (owner rep@contoso.example) with a full timeline; a merged id redirecting to her; a namesake sharing her household email.</summary>
    public static async Task SeedAsync(ApiHost host)
    {
        var store = host.Store;
        var jane = new GoldenProfile
        {
            Id = JaneId,
            CreatedAt = Now.AddDays(-30),
            UpdatedAt = Now,
            LastPulledAt = Now,
            Members =
            [
                new ProfileMember($"salesforce/account/{SalesforceAccountId}", Now.AddDays(-30), "founding-record"),
                new ProfileMember($"stripe/customer/{StripeCustomerId}", Now.AddDays(-20), "exact-email"),
            ],
            Fields = new()
            {
                ["given_name"] = Value("Jane"),
                ["family_name"] = Value("Doe"),
                ["full_name"] = Value("Jane Doe"),
                ["company_name"] = Value("Contoso Ltd"),
                ["email"] = Value("jane@contoso.example"),
                ["phone"] = Value("(415) 555-0100"),
                ["city"] = Value("San Francisco"),
                ["country"] = Value("US"),
                ["date_of_birth"] = Value("1980-01-02"),
                ["national_id"] = Value("123-45-6789"),
                ["rep_notes"] = Value("Prefers phone calls; wife is the decision maker."),
                ["commission_rate"] = Value("0.12"),
                ["payment_method"] = Value("visa ending 4242"),
                ["owner"] = Value(Keys.OwnerUser),
                ["shoe_size"] = Value("38"),
            },
            Emails = ["jane@contoso.example", "family@doe.example"],
            Sources = ["salesforce", "stripe"],
            Engine = Engine,
        };
        var merged = new GoldenProfile { Id = MergedId, RedirectTo = JaneId, Engine = Engine };
        var namesake = new GoldenProfile
        {
            Id = NamesakeId,
            CreatedAt = Now,
            UpdatedAt = Now,
            Members = [new ProfileMember("zendesk/user/77", Now, "founding-record")],
            Fields = new() { ["full_name"] = Value("Jane Doerr"), ["email"] = Value("family@doe.example") },
            Emails = ["family@doe.example"],
            Sources = ["zendesk"],
            Engine = Engine,
        };
        var score = new ProfileScore { ProfileId = JaneId, ScoredAt = Now, Model = ProfileScore.CurrentModel, Segment = "default", Score = 80, Band = HealthBands.Green, Confidence = 0.8 };
        var writes = new List<DocumentWrite>
        {
            store.Profiles.Upsert(DocumentKey.Single(JaneId), jane),
            store.Profiles.Upsert(DocumentKey.Single(MergedId), merged),
            store.Profiles.Upsert(DocumentKey.Single(NamesakeId), namesake),
            store.Scores.Upsert(DocumentKey.Single(JaneId), score),
            store.Aggregates.Upsert(
                new DocumentKey(JaneId, ProfileAggregates.DocumentId),
                new ProfileAggregates { ProfileId = JaneId, Counts = new() { ["invoice"] = 1, ["payment"] = 1, ["opportunity"] = 1, ["ticket"] = 1 } }),
            store.Records.Upsert(DocumentKey.Single($"salesforce/account/{SalesforceAccountId}"), Record("salesforce", "account", SalesforceAccountId)),
        };
        var kinds = new (string Kind, string Title, decimal? Amount)[]
        {
            ("invoice", "Invoice INV-1001", 1200m), ("payment", "Card payment visa 4242", 1200m), ("opportunity", "Renewal 2027", 50000m),
            ("ticket", "Cannot log in", null), ("interaction", "Call with Jane", null), ("note", "Rep note: pushy about discounts", null),
            ("secretKind", "Unclassified item", 1m),
        };
        for (var i = 0; i < kinds.Length; i++)
        {
            var at = Now.AddDays(-i);
            var entry = new TimelineEntry
            {
                ProfileId = JaneId,
                RecordKey = $"src/{kinds[i].Kind}/{i}",
                Kind = kinds[i].Kind,
                Source = "src",
                OccurredAt = at,
                Title = kinds[i].Title,
                Amount = kinds[i].Amount,
                Currency = kinds[i].Amount is null ? null : "USD",
            };
            writes.Add(store.Timeline.Upsert(new DocumentKey(JaneId, TimelineEntry.IdFor(at, entry.RecordKey)), entry));
        }

        await store.Documents.WriteAsync(writes);
        await host.IndexAsync(JaneId);
        await host.IndexAsync(NamesakeId);
    }

    private static GoldenValue Value(string value) => new(value, "salesforce", SalesforceAccountId, Now.AddDays(-1), "most-recent");

    private static SourceRecord Record(string source, string entityType, string id) => new()
    {
        RecordKey = $"{source}/{entityType}/{id}",
        Source = source,
        EntityType = entityType,
        RecordId = id,
        Kind = Changes.RecordKind.Party,
        SourceVersion = "1",
        ModifiedAt = Now,
        ProfileId = JaneId,
    };
}
