using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.UnitTests.World;

public sealed class SyntheticWorldTests
{
    private static readonly SyntheticWorld World = new(new WorldOptions { Customers = 3000, Seed = 7 });

    [Fact]
    public void Census_GeneratedWorld_ContainsEveryKindOfNoiseAndTrap()
    {
        var census = WorldCensus.Of(World);

        Assert.Equal(3000, census.Customers);
        Assert.Equal(census.Customers, census.People + census.Organizations);
        Assert.All(census.Units, u => Assert.True(u.Value > 0, $"no {u.Key} units"));
        Assert.All(census.RecordNoise, n => Assert.True(n.Value >= 10, $"only {n.Value} records with noise {n.Key}"));
        Assert.All(census.RecordTraps, t => Assert.True(t.Value >= 10, $"only {t.Value} records with trap {t.Key}"));
        foreach (var trap in new[] { TrapKinds.Namesake, TrapKinds.FamilyMember, TrapKinds.JuniorSenior, TrapKinds.SharedFamilyEmail, TrapKinds.Coworker })
        {
            Assert.True(census.CustomerTraps[trap] >= 10, $"only {census.CustomerTraps[trap]} customers with trap {trap}");
        }

        // Enough of the same customers meet across systems to resolve, without every record being clean.
        Assert.InRange((double)census.CustomersInSeveralSources / census.Customers, 0.5, 0.95);
        Assert.InRange((double)census.CustomersSharingAnEmailAcrossSources / census.Customers, 0.3, 0.8);
        Assert.All(SourceNames.PartySources, s => Assert.True(census.Records.GetValueOrDefault(s) > 100, $"few records in {s}"));
    }

    [Fact]
    public void Traps_NamesakesAndJuniorSenior_AreDifferentCustomersThatLookAlike()
    {
        var customers = World.Customers().ToDictionary(c => c.Id);

        var namesakes = customers.Values.Where(c => c.NamesakeOf is not null).ToList();
        Assert.NotEmpty(namesakes);
        Assert.All(namesakes, c =>
        {
            var other = customers[c.NamesakeOf!];
            Assert.NotEqual(other.Id, c.Id);
            Assert.Equal((other.GivenName, other.FamilyName), (c.GivenName, c.FamilyName));
            Assert.NotEqual(other.PrimaryEmail, c.PrimaryEmail);
        });

        var juniors = customers.Values.Where(c => c.Suffix == "Jr.").ToList();
        Assert.NotEmpty(juniors);
        Assert.All(juniors, junior =>
        {
            var senior = customers.Values.Single(c => c.HouseholdId == junior.HouseholdId && c.Suffix == "Sr.");
            Assert.Equal((senior.GivenName, senior.FamilyName, senior.Address, senior.HomePhone), (junior.GivenName, junior.FamilyName, junior.Address, junior.HomePhone));
            Assert.True(senior.DateOfBirth < junior.DateOfBirth);
        });
    }

    [Fact]
    public void Parties_RoleMailboxAndPlaceholderPhones_AreSharedByDifferentCustomers()
    {
        var records = SourceNames.PartySources.SelectMany(World.Parties).ToList();

        var roleMailboxes = records.Where(r => r.Traps.HasFlag(TrapKinds.SharedRoleMailbox)).GroupBy(r => r.Email!.Trim().ToLowerInvariant());
        Assert.Contains(roleMailboxes, g => g.Select(r => r.CustomerId).Distinct().Count() >= 2);

        var placeholders = records.Where(r => r.Traps.HasFlag(TrapKinds.PlaceholderPhone)).GroupBy(r => r.Phone);
        Assert.Contains(placeholders, g => g.Select(r => r.CustomerId).Distinct().Count() >= 5);

        var duplicates = records.Where(r => r.Noise.HasFlag(NoiseKinds.Duplicate)).ToList();
        Assert.All(duplicates, d => Assert.Contains(records, r => r.Source == d.Source && r.CustomerId == d.CustomerId && r.RecordId != d.RecordId));
    }

    [Fact]
    public void Constructor_SameSeed_SameWorldAndDifferentSeed_DifferentWorld()
    {
        var again = new SyntheticWorld(new WorldOptions { Customers = 3000, Seed = 7 });
        var other = new SyntheticWorld(new WorldOptions { Customers = 3000, Seed = 8 });

        Assert.Equal(World.Parties(SourceNames.HubSpot).Take(200), again.Parties(SourceNames.HubSpot).Take(200));
        Assert.NotEqual(World.Customers().Take(50).Select(c => c.FullName), other.Customers().Take(50).Select(c => c.FullName));
    }

    [Fact]
    public void Unit_AnyUnitAlone_EqualsTheSameUnitGeneratedInSequence()
    {
        var sequential = World.Units().Skip(500).First();

        var alone = World.Unit(500);

        Assert.Equal(sequential.Customers, alone.Customers);
        Assert.Equal(World.Parties(sequential, SourceNames.Salesforce), World.Parties(alone, SourceNames.Salesforce));
    }

    [Fact]
    public void RecordIds_EveryIdInTheWorld_IsUniqueAndDecodesToItsUnit()
    {
        var records = SourceNames.PartySources.SelectMany(World.Parties).ToList();

        Assert.Equal(records.Count, records.Select(r => r.Source + "/" + r.Key).Distinct().Count());
        Assert.All(records.Where(r => r.Source == SourceNames.Stripe), r =>
        {
            Assert.True(RecordIds.TryStripe(r.RecordId, "cus", out var unit, out var slot));
            Assert.Equal((r.Unit, r.Slot), (unit, slot));
        });
        Assert.All(records.Where(r => r.Source == SourceNames.Salesforce), r =>
        {
            Assert.Equal(18, r.RecordId.Length);
            Assert.True(RecordIds.TrySalesforce(r.RecordId, r.RecordId[..3], out var unit, out var slot));
            Assert.Equal((r.Unit, r.Slot), (unit, slot));
        });
    }

    [Fact]
    public void Advance_Ticks_AddUpdateAndDeleteRecordsDeterministically()
    {
        var options = new WorldOptions { Customers = 300, Seed = 21, ChangeRate = 0.1 };
        var world = new SyntheticWorld(options);
        var twin = new SyntheticWorld(options);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(world.Advance(), twin.Advance());
        }

        var live = SourceNames.PartySources.Concat([SourceNames.Graph])
            .SelectMany(s => Entities(world, s).SelectMany(e => world.Records(s, e, options.Epoch)))
            .ToList();
        Assert.Contains(live, r => r.Version == 1 && r.Unit >= world.UnitCount);
        Assert.Contains(live, r => r.Version > 1 && r.Party is not null && !r.Deleted);
        Assert.Contains(live, r => r.Version > 1 && r.Activity is not null && !r.Deleted);
        Assert.Contains(live, r => r.Deleted);
        Assert.All(live, r => Assert.True(r.ModifiedAt >= options.Epoch && r.ModifiedAt <= world.Now));
        var again = live.Select(r => (r.Source, r.EntityType, r.RecordId, r.Version, r.Deleted));
        var twins = live.Select(r => twin.Records(r.Source, r.EntityType, options.Epoch).Single(t => t.RecordId == r.RecordId)).Select(r => (r.Source, r.EntityType, r.RecordId, r.Version, r.Deleted));
        Assert.Equal(again, twins);

        // A changed record is listed once, at its new position, not also where the history had it.
        var changed = live.First(r => r.Version > 1 && r.Party is not null);
        Assert.Single(world.Records(changed.Source, changed.EntityType), r => r.RecordId == changed.RecordId);
    }

    private static IEnumerable<string> Entities(SyntheticWorld world, string source) =>
        Enumerable.Range(0, 40).Select(world.Unit)
            .SelectMany(u => (SourceNames.PartySources.Contains(source) ? world.Parties(u, source).Select(p => p.EntityType) : []).Concat(world.Activities(u, source).Select(a => a.EntityType)))
            .Distinct();
}
