namespace Customer360Hub.Sandbox.World;

/// <summary>
/// A deterministic population of customers (consumers, households, companies with contacts)
/// and the records each vendor system holds about them, with realistic noise and look-alike
/// traps. Nothing is kept in memory: every unit and every record is generated on demand from
/// the seed, so a world of millions streams in constant memory.
/// </summary>
public sealed class SyntheticWorld
{
    private readonly int _lastUnitSize;

    public SyntheticWorld(WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Customers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Customers, "A world needs at least one customer.");
        }

        Options = options;
        var total = 0;
        var unit = 0;
        while (true)
        {
            var size = UnitFactory.Shape(options.Seed, unit).Size;
            if (total + size >= options.Customers)
            {
                _lastUnitSize = options.Customers - total;
                break;
            }

            total += size;
            unit++;
        }

        UnitCount = unit + 1;
    }

    public WorldOptions Options { get; }

    public int Seed => Options.Seed;

    /// <summary>Units of the world's history (before any change after the epoch).</summary>
    public int UnitCount { get; }

    public WorldUnit Unit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, UnitCount);
        return UnitFactory.Create(Options.Seed, index, index == UnitCount - 1 ? _lastUnitSize : int.MaxValue);
    }

    /// <summary>When the history starts: the first unit joins then, the last just before the epoch.</summary>
    public DateTimeOffset HistoryStart => Options.Epoch.AddDays(-30.0 * Options.HistoryMonths);

    /// <summary>When the customers of a unit first appear in the systems.</summary>
    public DateTimeOffset JoinedAt(int unit) => HistoryStart.AddTicks((Options.Epoch - HistoryStart).Ticks / UnitCount * unit);

    /// <summary>The last modification time of a party record of the history (records of a unit follow each other by the millisecond).</summary>
    public DateTimeOffset ModifiedAt(PartyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return JoinedAt(view.Unit).AddMilliseconds(view.Slot);
    }

    /// <summary>Every unit in order, generated one at a time.</summary>
    public IEnumerable<WorldUnit> Units()
    {
        for (var i = 0; i < UnitCount; i++)
        {
            yield return Unit(i);
        }
    }

    /// <summary>Every true customer in order.</summary>
    public IEnumerable<TrueCustomer> Customers() => Units().SelectMany(u => u.Customers);

    /// <summary>The party records <paramref name="source"/> holds about the customers of <paramref name="unit"/>.</summary>
    public IReadOnlyList<PartyView> Parties(WorldUnit unit, string source)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return PartyProjection.Project(Options.Seed, unit, SourceProfile.Of(source));
    }

    /// <summary>Every party record of <paramref name="source"/>, unit by unit.</summary>
    public IEnumerable<PartyView> Parties(string source) => Units().SelectMany(u => Parties(u, source));
}
