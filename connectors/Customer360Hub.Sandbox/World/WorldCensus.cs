namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Counts of what a world contains: customers and units by kind, records per source, and how
/// many customers and records carry each kind of noise and trap. Computed in one streaming pass.
/// </summary>
public sealed class WorldCensus
{
    public long Customers { get; private set; }

    public long People { get; private set; }

    public long Organizations { get; private set; }

    public Dictionary<UnitKind, long> Units { get; } = Enum.GetValues<UnitKind>().ToDictionary(k => k, _ => 0L);

    /// <summary>Party records per source.</summary>
    public Dictionary<string, long> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Customers with each trap.</summary>
    public Dictionary<TrapKinds, long> CustomerTraps { get; } = Flags<TrapKinds>();

    /// <summary>Records on which each trap shows.</summary>
    public Dictionary<TrapKinds, long> RecordTraps { get; } = Flags<TrapKinds>();

    /// <summary>Records with each kind of noise.</summary>
    public Dictionary<NoiseKinds, long> RecordNoise { get; } = Flags<NoiseKinds>();

    /// <summary>Customers with records in two or more sources.</summary>
    public long CustomersInSeveralSources { get; private set; }

    /// <summary>Customers whose records in two or more sources share one exact (trimmed, lower-cased) email.</summary>
    public long CustomersSharingAnEmailAcrossSources { get; private set; }

    /// <summary>Customers with no party record in any system.</summary>
    public long CustomersWithoutRecords { get; private set; }

    public static WorldCensus Of(SyntheticWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var census = new WorldCensus();
        foreach (var unit in world.Units())
        {
            census.Add(unit, SourceNames.PartySources.SelectMany(s => world.Parties(unit, s)).ToList());
        }

        return census;
    }

    /// <summary>Counts one unit and all the party records of its customers.</summary>
    public void Add(WorldUnit unit, IReadOnlyList<PartyView> views)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(views);
        Units[unit.Kind]++;
        foreach (var customer in unit.Customers)
        {
            Customers++;
            if (customer.Type == CustomerType.Person)
            {
                People++;
            }
            else
            {
                Organizations++;
            }

            Count(CustomerTraps, customer.Traps);
            var mine = views.Where(v => v.CustomerId == customer.Id).ToList();
            var sources = mine.Select(v => v.Source).Distinct(StringComparer.Ordinal).Count();
            CustomersWithoutRecords += sources == 0 ? 1 : 0;
            CustomersInSeveralSources += sources >= 2 ? 1 : 0;
            var sharesEmail = mine.Where(v => v.Email is not null)
                .GroupBy(v => v.Email!.Trim().ToLowerInvariant(), StringComparer.Ordinal)
                .Any(g => g.Select(v => v.Source).Distinct(StringComparer.Ordinal).Count() >= 2);
            CustomersSharingAnEmailAcrossSources += sharesEmail ? 1 : 0;
        }

        foreach (var view in views)
        {
            Records[view.Source] = Records.GetValueOrDefault(view.Source) + 1;
            Count(RecordTraps, view.Traps);
            Count(RecordNoise, view.Noise);
        }
    }

    private static Dictionary<T, long> Flags<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).ToDictionary(v => v, _ => 0L);

    private static void Count<T>(Dictionary<T, long> counts, T flags)
        where T : struct, Enum
    {
        foreach (var flag in counts.Keys.ToArray())
        {
            if (flags.HasFlag(flag))
            {
                counts[flag]++;
            }
        }
    }
}
