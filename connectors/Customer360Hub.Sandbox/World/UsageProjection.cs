namespace Customer360Hub.Sandbox.World;

/// <summary>
/// The product usage of a unit's scored customers over the last 90 days, one record per ten days:
/// level and growth from the unit's trajectory plan, an eight-week slide for units losing usage,
/// and some noise.
/// </summary>
internal static class UsageProjection
{
    private const ulong UsageStream = 43;
    private const int PeriodDays = 10;
    private const int Periods = 9;

    /// <summary>Party sources in the order a customer's anchor record is looked for.</summary>
    private static readonly string[] AnchorSources = [SourceNames.Stripe, SourceNames.BusinessCentral, SourceNames.Salesforce, SourceNames.Zendesk, SourceNames.HubSpot, SourceNames.FileDrop];

    public static IReadOnlyList<UsageRecord> Project(SyntheticWorld world, WorldUnit unit)
    {
        var plan = world.PlanOf(unit.Index);
        if (!plan.UsageTracked || unit.Index >= world.UnitCount)
        {
            return [];
        }

        var records = new List<UsageRecord>();
        var joined = world.JoinedAt(unit.Index);
        foreach (var customer in ScoredCustomers(unit))
        {
            if (AnchorOf(world, unit, customer) is not { } anchor)
            {
                continue;
            }

            var random = WorldRandom.For(world.Seed, UsageStream, unit.Index, customer.Member);
            var level = plan.UsageLevel * (0.5 + random.NextDouble());
            var depth = plan.UsageDrop * (0.6 + (0.4 * random.NextDouble()));
            for (var period = Periods - 1; period >= 0; period--)
            {
                // Ends 2 to 3 days before the epoch, then every ten days back: each 30-day window holds three.
                var at = world.Options.Epoch.AddDays(-((PeriodDays * period) + 2)).AddHours(-random.Next(0, 20));
                var grown = level * Math.Pow(1 + plan.Growth, (Periods - period) * PeriodDays / 30.0);
                var slide = period < 6 ? 1 - (depth * (6 - period) / 6.0) : 1;
                var quantity = Math.Round((decimal)(grown * Math.Max(0, slide) * (0.9 + (0.2 * random.NextDouble()))));
                if (at > joined)
                {
                    records.Add(new UsageRecord($"usage-{unit.Index:D7}-{customer.Member:D2}-{period:D2}", customer.Id, anchor, at, quantity));
                }
            }
        }

        return records;
    }

    /// <summary>The customers a health score is kept for: a company's organisation, or each person of a consumer or household unit.</summary>
    public static IReadOnlyList<TrueCustomer> ScoredCustomers(WorldUnit unit) =>
        unit.Kind == UnitKind.Company ? [unit.Organization!] : [.. unit.People];

    /// <summary>A party record key of the customer, in <see cref="AnchorSources"/> order; null when no system knows the customer.</summary>
    public static string? AnchorOf(SyntheticWorld world, WorldUnit unit, TrueCustomer customer)
    {
        foreach (var source in AnchorSources)
        {
            if (world.Parties(unit, source).FirstOrDefault(p => p.CustomerId == customer.Id) is { } party)
            {
                return source + "/" + party.Key;
            }
        }

        return null;
    }
}
