using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Survivorship;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Core.UnitTests.Survivorship;

public sealed class SurvivorshipEngineTests
{
    private static readonly DateTimeOffset Older = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_CrmSaysChicagoBillingSaysNewYork_ConfiguredSystemOfRecordWins()
    {
        var engine = Engine(o => o.Groups["address"] = new FieldGroupOptions
        {
            Fields = [CanonicalFields.AddressLine1, CanonicalFields.City, CanonicalFields.Postcode],
            Rules = [SurvivorshipRule.SourcePriority, SurvivorshipRule.MostRecent],
            SourcePriority = ["billing", "crm"],
        });
        var crm = Record("crm", "C1", Newer, (CanonicalFields.AddressLine1, "1 Lake St"), (CanonicalFields.City, "Chicago"));
        var billing = Record("billing", "B7", Older, (CanonicalFields.AddressLine1, "5 Broadway"), (CanonicalFields.City, "New York"));

        var golden = engine.Decide([crm, billing], [CanonicalFields.City, CanonicalFields.AddressLine1]);

        Assert.Equal("New York", golden[CanonicalFields.City].Value);
        Assert.Equal("5 Broadway", golden[CanonicalFields.AddressLine1].Value);
        Assert.Equal(("billing", "B7", Older, "source-priority"), (golden[CanonicalFields.City].Source, golden[CanonicalFields.City].RecordId, golden[CanonicalFields.City].ObservedAt, golden[CanonicalFields.City].Rule));
        var lost = Assert.Single(golden[CanonicalFields.City].Alternatives!);
        Assert.Equal(new AlternativeValue("Chicago", "crm", "C1", Newer) { EntityType = "contact" }, lost);
        Assert.Equal("contact", golden[CanonicalFields.City].EntityType);
    }

    [Fact]
    public void Decide_MostRecent_NewestSourceChangeWinsWithLineage()
    {
        var engine = Engine(o => o.Default = new FieldGroupOptions { Rules = [SurvivorshipRule.MostRecent] });

        var golden = engine.Decide([Record("crm", "1", Older, (CanonicalFields.Phone, "+13125550100")), Record("erp", "2", Newer, (CanonicalFields.Phone, "+13125550199"))], [CanonicalFields.Phone]);

        Assert.Equal(new GoldenValue("+13125550199", "erp", "2", Newer, "most-recent") { EntityType = "contact" }, golden[CanonicalFields.Phone] with { Alternatives = null });
        Assert.Equal("+13125550100", Assert.Single(golden[CanonicalFields.Phone].Alternatives!).Value);
    }

    [Fact]
    public void Decide_MostFrequent_ValueMostRecordsAgreeOnWinsOverNewer()
    {
        var engine = Engine(o => o.Default = new FieldGroupOptions { Rules = [SurvivorshipRule.MostFrequent, SurvivorshipRule.MostRecent] });
        var records = new[]
        {
            Record("crm", "1", Older, (CanonicalFields.DateOfBirth, "1980-02-03")),
            Record("erp", "2", Older.AddDays(1), (CanonicalFields.DateOfBirth, "1980-02-03")),
            Record("web", "3", Newer, (CanonicalFields.DateOfBirth, "1980-03-02")),
        };

        var golden = engine.Decide(records, [CanonicalFields.DateOfBirth])[CanonicalFields.DateOfBirth];

        Assert.Equal(("1980-02-03", "most-frequent"), (golden.Value, golden.Rule));
        Assert.Equal("erp", golden.Source); // among the agreeing records, the tie-breaker (most recent) picks the lineage
    }

    [Fact]
    public void Decide_MostComplete_FullerNameGroupWinsOverNewerInitial()
    {
        var engine = Engine(o => o.Groups["name"] = new FieldGroupOptions
        {
            Fields = [CanonicalFields.GivenName, CanonicalFields.FamilyName, CanonicalFields.FullName],
            Rules = [SurvivorshipRule.MostComplete, SurvivorshipRule.MostRecent],
        });
        var initial = Record("web", "9", Newer, (CanonicalFields.GivenName, "J."), (CanonicalFields.FamilyName, "Smith"));
        var full = Record("crm", "1", Older, (CanonicalFields.GivenName, "Jonathan"), (CanonicalFields.FamilyName, "Smith"));

        var golden = engine.Decide([initial, full], [CanonicalFields.GivenName, CanonicalFields.FamilyName]);

        Assert.Equal(("Jonathan", "crm", "most-complete"), (golden[CanonicalFields.GivenName].Value, golden[CanonicalFields.GivenName].Source, golden[CanonicalFields.GivenName].Rule));
        Assert.Equal("J.", Assert.Single(golden[CanonicalFields.GivenName].Alternatives!).Value);
        Assert.Null(golden[CanonicalFields.FamilyName].Alternatives); // both say Smith: nothing lost
    }

    [Fact]
    public void Decide_IgnoreEmpty_EmptyValueNeverWinsByDefaultButCanClearWhenConfigured()
    {
        var withEmpty = Record("billing", "B", Newer, (CanonicalFields.NationalId, " "));
        var withValue = Record("crm", "C", Older, (CanonicalFields.NationalId, "123-45-6789"));

        var ignoring = Engine(o => o.Default = new FieldGroupOptions { Rules = [SurvivorshipRule.MostRecent] });
        Assert.Equal("123-45-6789", ignoring.Decide([withEmpty, withValue], [CanonicalFields.NationalId])[CanonicalFields.NationalId].Value);

        var clearing = Engine(o => o.Default = new FieldGroupOptions { Rules = [SurvivorshipRule.MostRecent], IgnoreEmpty = false });
        Assert.False(clearing.Decide([withEmpty, withValue], [CanonicalFields.NationalId]).ContainsKey(CanonicalFields.NationalId));
    }

    [Fact]
    public void Decide_AddressGroup_TakesOneRecordWholeNeverStitches()
    {
        var engine = Engine(_ => { });
        var newer = Record("crm", "1", Newer, (CanonicalFields.AddressLine1, "1 Lake St"), (CanonicalFields.City, "Chicago"));
        var older = Record("erp", "2", Older, (CanonicalFields.AddressLine1, "5 Broadway"), (CanonicalFields.City, "New York"), (CanonicalFields.Postcode, "10006"));

        var golden = engine.Decide([newer, older], [CanonicalFields.AddressLine1, CanonicalFields.City, CanonicalFields.Postcode]);

        Assert.Equal("Chicago", golden[CanonicalFields.City].Value);
        Assert.False(golden.ContainsKey(CanonicalFields.Postcode)); // New York's postcode is not glued to Chicago
    }

    [Fact]
    public void Decide_AllSourcesAgree_RuleSaysSoAndOneCandidateIsOnlyValue()
    {
        var engine = Engine(_ => { });

        var agreed = engine.Decide([Record("a", "1", Older, (CanonicalFields.Email, "j@x.com")), Record("b", "2", Newer, (CanonicalFields.Email, "J@X.com"))], [CanonicalFields.Email]);
        var single = engine.Decide([Record("a", "1", Older, (CanonicalFields.Email, "j@x.com"))], [CanonicalFields.Email]);

        Assert.Equal("all-agree", agreed[CanonicalFields.Email].Rule);
        Assert.Equal("only-value", single[CanonicalFields.Email].Rule);
    }

    [Fact]
    public void Validate_FieldInTwoGroups_FailsAtStart()
    {
        var options = new SurvivorshipOptions();
        options.Groups["contact"] = new FieldGroupOptions { Fields = [CanonicalFields.City] };

        var result = new SurvivorshipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("'city' is in two survivorship groups", result.FailureMessage, StringComparison.Ordinal);
    }

    private static SurvivorshipEngine Engine(Action<SurvivorshipOptions> configure)
    {
        var options = new SurvivorshipOptions();
        configure(options);
        return new SurvivorshipEngine(Options.Create(options));
    }

    private static SourceRecord Record(string source, string id, DateTimeOffset modifiedAt, params (string Field, string Value)[] values) => new()
    {
        RecordKey = RecordKeys.Of(source, "contact", id),
        Source = source,
        EntityType = "contact",
        RecordId = id,
        Kind = RecordKind.Party,
        SourceVersion = "1",
        ModifiedAt = modifiedAt,
        Attributes = values.ToDictionary(v => v.Field, v => v.Value),
    };
}
