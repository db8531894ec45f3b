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

    [Fact]
    public void TrajectoryOf_Units_MixHealthyAtRiskChurningAndExpanding()
    {
        var shares = World.Units().GroupBy(u => World.TrajectoryOf(u.Index)).ToDictionary(g => g.Key, g => g.Count() / (double)World.UnitCount);

        Assert.InRange(shares[Trajectory.Healthy], 0.45, 0.65);
        Assert.InRange(shares[Trajectory.AtRisk], 0.1, 0.2);
        Assert.InRange(shares[Trajectory.Churning], 0.1, 0.2);
        Assert.InRange(shares[Trajectory.Expanding], 0.1, 0.2);
    }

    [Fact]
    public void Activities_LastNinetyDays_ShowTheTrajectoryOnAverageButNotAlways()
    {
        var recent = World.Options.Epoch.AddDays(-30);
        var byTrajectory = World.Units().GroupBy(u => World.TrajectoryOf(u.Index)).ToDictionary(g => g.Key, g => g.ToList());
        double PerUnit(Trajectory trajectory, string source, Func<ActivityView, bool> counts) =>
            byTrajectory[trajectory].Sum(u => World.Activities(u, source).Count(a => a.OccurredAt >= recent && counts(a))) / (double)byTrajectory[trajectory].Count;
        double Share(Trajectory trajectory, string source, Func<ActivityView, bool> counts) =>
            byTrajectory[trajectory].Count(u => World.Activities(u, source).Any(a => a.OccurredAt >= recent && counts(a))) / (double)byTrajectory[trajectory].Count;

        var tickets = (Func<ActivityView, bool>)(a => a.EntityType == "tickets");
        var failed = (Func<ActivityView, bool>)(a => a.EntityType == "charges" && a.Status == "failed");
        var opened = (Func<ActivityView, bool>)(a => a.EntityType == "email-events" && a.Status == "OPEN");
        Assert.True(PerUnit(Trajectory.Churning, SourceNames.Zendesk, tickets) > 2.5 * PerUnit(Trajectory.Healthy, SourceNames.Zendesk, tickets));
        Assert.True(Share(Trajectory.Churning, SourceNames.Stripe, failed) > 1.5 * Share(Trajectory.Healthy, SourceNames.Stripe, failed));
        Assert.True(PerUnit(Trajectory.Churning, SourceNames.HubSpot, opened) < 0.85 * PerUnit(Trajectory.Healthy, SourceNames.HubSpot, opened));

        // Not every churning unit shows every sign, and some healthy ones have a bad spell.
        Assert.InRange(Share(Trajectory.Churning, SourceNames.Stripe, failed), 0.05, 0.6);
        Assert.True(Share(Trajectory.Healthy, SourceNames.Stripe, failed) > 0);
    }

    [Fact]
    public void Billing_LastNinetyDays_EveryErpCustomerAndLivePlanIsBilledMonthlyAndPaymentTroubleLeavesInvoicesOverdue()
    {
        var epoch = World.Options.Epoch;
        var units = World.Units().ToList();
        bool Overdue(ActivityView a) => a.EntityType == "salesInvoices" && a.Status == "Open" && a.OccurredAt.AddDays(30) < epoch;
        double OverdueShare(Func<WorldUnit, bool> which)
        {
            var billed = units.Where(which).Where(u => World.Activities(u, SourceNames.BusinessCentral).Any(a => a.EntityType == "salesInvoices" && a.OccurredAt >= epoch.AddDays(-90))).ToList();
            return billed.Count(u => World.Activities(u, SourceNames.BusinessCentral).Any(Overdue)) / (double)billed.Count;
        }

        foreach (var unit in units.Take(400))
        {
            var erpCustomers = World.Parties(unit, SourceNames.BusinessCentral).Where(p => p.EntityType == "customers" && World.JoinedAt(unit.Index) < epoch.AddDays(-100)).Select(p => p.CustomerId).Distinct();
            var invoices = World.Activities(unit, SourceNames.BusinessCentral).Where(a => a.EntityType == "salesInvoices" && a.OccurredAt >= epoch.AddDays(-90)).ToList();
            // The monthly bill (invoices of occasional orders come on top, with their order).
            Assert.All(erpCustomers, c => Assert.InRange(invoices.Count(i => i.CustomerId == c && i.RelatedRecordId is null), 3, 4));
            var payments = World.Activities(unit, SourceNames.BusinessCentral).Where(a => a.EntityType == "customerPayments").ToDictionary(a => a.RelatedRecordId!);
            Assert.All(invoices.Where(i => i.RelatedRecordId is null), i =>
            {
                Assert.Equal(i.Status == "Paid", payments.ContainsKey(i.RecordId));
                Assert.True(i.Status != "Paid" || payments[i.RecordId].OccurredAt < epoch);
            });

            var stripe = World.Activities(unit, SourceNames.Stripe);
            foreach (var plan in stripe.Where(a => a.EntityType == "subscriptions" && a.Status is "active" or "past_due" && a.OccurredAt < epoch.AddDays(-100)))
            {
                Assert.InRange(stripe.Count(a => a.EntityType == "invoices" && a.RelatedRecordId == plan.RecordId && a.OccurredAt >= epoch.AddDays(-90)), 2, 4);
            }

            Assert.All(stripe.Where(a => a.EntityType == "invoices"), i => Assert.True(i.OccurredAt < epoch));
        }

        var troubled = OverdueShare(u => World.TroubleOf(u.Index).PaymentTrouble > 0.5);
        var fine = OverdueShare(u => World.TroubleOf(u.Index).PaymentTrouble == 0);
        Assert.True(troubled > 3 * fine, $"{troubled:P0} against {fine:P0}");
        // A good payer is late now and then (an occasional order's invoice too); a troubled one not always.
        Assert.InRange(fine, 0.01, 0.25);
        Assert.InRange(troubled, 0.4, 0.95);
    }

    [Fact]
    public void Activities_EverySourceAndUnit_HappenedBeforeTheEpoch()
    {
        var epoch = World.Options.Epoch;

        var future = World.Units()
            .SelectMany(u => new[] { SourceNames.BusinessCentral, SourceNames.Stripe, SourceNames.Zendesk, SourceNames.HubSpot, SourceNames.Salesforce, SourceNames.Graph }.SelectMany(s => World.Activities(u, s)))
            .Where(a => a.OccurredAt >= epoch)
            .Select(a => $"{a.Source}/{a.EntityType}/{a.RecordId} at {a.OccurredAt:O}")
            .ToList();

        Assert.Empty(future);
        var payments = World.Units().SelectMany(u => World.Activities(u, SourceNames.BusinessCentral)).Where(a => a.EntityType == "customerPayments").Select(a => a.RelatedRecordId).ToHashSet();
        var invoices = World.Units().SelectMany(u => World.Activities(u, SourceNames.BusinessCentral)).Where(a => a.EntityType == "salesInvoices").ToList();
        Assert.All(invoices, i => Assert.Equal(i.Status == "Paid", payments.Contains(i.RecordId)));
    }

    [Fact]
    public void Usage_ChurningSlidesExpandingGrows_OnAPartyRecordOfTheCustomer()
    {
        double Trend(Trajectory trajectory)
        {
            var ratios = new List<double>();
            foreach (var unit in World.Units().Where(u => World.TrajectoryOf(u.Index) == trajectory))
            {
                foreach (var customer in World.Usage(unit).GroupBy(r => r.CustomerId))
                {
                    var last = customer.Where(r => r.OccurredAt >= World.Options.Epoch.AddDays(-30)).Sum(r => r.Quantity);
                    var before = customer.Where(r => r.OccurredAt < World.Options.Epoch.AddDays(-30) && r.OccurredAt >= World.Options.Epoch.AddDays(-60)).Sum(r => r.Quantity);
                    if (before > 0)
                    {
                        ratios.Add((double)(last / before));
                    }
                }
            }

            return ratios.Order().ElementAt(ratios.Count / 2);
        }

        Assert.InRange(Trend(Trajectory.Healthy), 0.9, 1.1);
        Assert.True(Trend(Trajectory.Expanding) > 1.2);
        Assert.True(Trend(Trajectory.Churning) < 0.8);

        var unit = World.Units().First(u => u.Kind == UnitKind.Company && World.Usage(u).Count > 0);
        var usage = World.Usage(unit);
        Assert.All(usage, r => Assert.Equal(unit.Organization!.Id, r.CustomerId));
        Assert.Equal(World.AnchorOf(unit, unit.Organization!), usage[0].CustomerRef);
        var (source, rest) = (usage[0].CustomerRef.Split('/')[0], usage[0].CustomerRef[(usage[0].CustomerRef.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        Assert.Contains(World.Parties(unit, source), p => p.Key == rest && p.CustomerId == unit.Organization!.Id);
        Assert.All(usage, r => Assert.InRange(r.OccurredAt, World.Options.Epoch.AddDays(-91), World.Options.Epoch));
    }
}
