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
    private readonly long _unitSpacingTicks;
    private readonly LiveChanges _live = new();
    private readonly Lock _gate = new();

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
        // Whole milliseconds, so every record's time survives the vendors' millisecond timestamps.
        _unitSpacingTicks = (options.Epoch - HistoryStart).Ticks / UnitCount / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
    }

    public WorldOptions Options { get; }

    public int Seed => Options.Seed;

    /// <summary>Units of the world's history (before any change after the epoch).</summary>
    public int UnitCount { get; }

    /// <summary>Ticks of change applied since the epoch.</summary>
    public int Tick
    {
        get
        {
            lock (_gate)
            {
                return _live.Tick;
            }
        }
    }

    /// <summary>The world's clock: the epoch plus the ticks applied.</summary>
    public DateTimeOffset Now => Options.Epoch + (Options.TickLength * Tick);

    /// <summary>Units that exist now: the history's and those that joined after the epoch.</summary>
    public int CurrentUnitCount
    {
        get
        {
            lock (_gate)
            {
                return UnitCount + _live.NewUnits;
            }
        }
    }

    public WorldUnit Unit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CurrentUnitCount);
        return UnitFactory.Create(Options.Seed, index, index == UnitCount - 1 ? _lastUnitSize : int.MaxValue);
    }

    /// <summary>
    /// Moves the world on by one tick: new customers join (records in several systems), records
    /// change (new phone, another email, a fixed typo), transactions are added and move on
    /// (tickets solved, invoices paid), and some records are deleted. Returns the changes applied.
    /// </summary>
    public int Advance()
    {
        lock (_gate)
        {
            return _live.Advance(this, Math.Max(3, (int)(Options.Customers * Options.ChangeRate)));
        }
    }

    /// <summary>
    /// The records of one entity set as they stand now, in modification order (time, then id),
    /// strictly after the position (<paramref name="afterTime"/>, <paramref name="afterId"/>);
    /// with no id, everything modified at or after <paramref name="afterTime"/>. Streams the
    /// history unit by unit from the position; only the changes after the epoch come from memory.
    /// </summary>
    public IEnumerable<WorldRecord> Records(string source, string entityType, DateTimeOffset? afterTime = null, string? afterId = null)
    {
        var from = afterTime ?? DateTimeOffset.MinValue;
        if (from < Options.Epoch)
        {
            var first = from <= HistoryStart ? 0 : (int)Math.Min(UnitCount - 1, (from - HistoryStart).Ticks / _unitSpacingTicks);
            for (var index = first; index < UnitCount; index++)
            {
                var unit = Unit(index);
                foreach (var record in HistoryRecords(unit, source, entityType))
                {
                    if (IsAfter(record, from, afterId) && LatestLive(source, entityType, record.RecordId) is null)
                    {
                        yield return record;
                    }
                }
            }
        }

        List<WorldRecord> live;
        lock (_gate)
        {
            live = _live.After(source, entityType, from == DateTimeOffset.MinValue ? from : from.AddTicks(-1));
        }

        foreach (var record in live)
        {
            if (IsAfter(record, from, afterId))
            {
                yield return record;
            }
        }
    }

    /// <summary>One record as it stands now, found by where it was generated; null when it never existed.</summary>
    public WorldRecord? Find(string source, string entityType, int unit, int slot)
    {
        if (unit < 0 || unit >= CurrentUnitCount)
        {
            return null;
        }

        var generated = Unit(unit);
        var party = SourceNames.PartySources.Contains(source) ? Parties(generated, source).FirstOrDefault(p => p.EntityType == entityType && p.Slot == slot) : null;
        var recordId = party?.RecordId ?? Activities(generated, source).FirstOrDefault(a => a.EntityType == entityType && a.Slot == slot)?.RecordId
            ?? ActivityIds.Of(Seed, source, entityType, unit, slot);
        if (LatestLive(source, entityType, recordId) is { } live)
        {
            return live;
        }

        return unit >= UnitCount ? null : HistoryRecords(generated, source, entityType).FirstOrDefault(r => r.Slot == slot);
    }

    /// <summary>The transactions <paramref name="source"/> holds for the party records of <paramref name="unit"/> in the history.</summary>
    public IReadOnlyList<ActivityView> Activities(WorldUnit unit, string source)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var parties = SourceNames.PartySources.Contains(source) ? Parties(unit, source) : [];
        return unit.Index >= UnitCount ? [] : ActivityProjection.Project(Options.Seed, this, unit, source, parties);
    }

    /// <summary>When the record at this slot of a history unit was last modified (records of a unit follow each other by the millisecond).</summary>
    public DateTimeOffset ModifiedAt(int unit, int slot) => JoinedAt(unit).AddMilliseconds(slot);

    private IEnumerable<WorldRecord> HistoryRecords(WorldUnit unit, string source, string entityType)
    {
        var parties = SourceNames.PartySources.Contains(source) ? Parties(unit, source) : [];
        foreach (var party in parties)
        {
            if (party.EntityType == entityType)
            {
                yield return WorldRecord.Of(party, ModifiedAt(unit.Index, party.Slot));
            }
        }

        foreach (var activity in ActivityProjection.Project(Options.Seed, this, unit, source, parties))
        {
            if (activity.EntityType == entityType)
            {
                yield return WorldRecord.Of(activity, ModifiedAt(unit.Index, activity.Slot));
            }
        }
    }

    private WorldRecord? LatestLive(string source, string entityType, string recordId)
    {
        lock (_gate)
        {
            return _live.Latest(source, entityType, recordId);
        }
    }

    private static bool IsAfter(WorldRecord record, DateTimeOffset time, string? id) =>
        id is null ? record.ModifiedAt >= time : record.ModifiedAt > time || (record.ModifiedAt == time && string.CompareOrdinal(record.RecordId, id) > 0);

    /// <summary>When the history starts: the first unit joins then, the last just before the epoch.</summary>
    public DateTimeOffset HistoryStart => Options.Epoch.AddDays(-30.0 * Options.HistoryMonths);

    /// <summary>When the customers of a unit first appear in the systems.</summary>
    public DateTimeOffset JoinedAt(int unit)
    {
        if (unit < UnitCount)
        {
            return HistoryStart.AddTicks(_unitSpacingTicks * unit);
        }

        lock (_gate)
        {
            return _live.JoinedAt(unit - UnitCount);
        }
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

    /// <summary>Where the unit's customers are heading: the ground truth for judging health scores.</summary>
    public Trajectory TrajectoryOf(int unit) => PlanOf(unit).Trajectory;

    /// <summary>What the unit's trajectory put into its data, channel by channel (nothing for a silent churner).</summary>
    public TrajectoryTrouble TroubleOf(int unit)
    {
        var plan = PlanOf(unit);
        return new TrajectoryTrouble(plan.UsageDrop, plan.SupportLoad, plan.PaymentTrouble, plan.Disengagement);
    }

    internal TrajectoryPlan PlanOf(int unit) => TrajectoryPlan.Of(Options.Seed, unit);

    /// <summary>The customers of the unit a health score is kept for: a company's organisation, or each person of a consumer or household.</summary>
    public IReadOnlyList<TrueCustomer> ScoredCustomers(WorldUnit unit) => UsageProjection.ScoredCustomers(unit);

    /// <summary>The record key (<c>source/entityType/recordId</c>) of one party record of the customer; null when no system knows it.</summary>
    public string? AnchorOf(WorldUnit unit, TrueCustomer customer) => UsageProjection.AnchorOf(this, unit, customer);

    /// <summary>The product usage of the unit's scored customers in the last 90 days of the history (none for customers whose usage is not tracked).</summary>
    public IReadOnlyList<UsageRecord> Usage(WorldUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return UsageProjection.Project(this, unit);
    }

    /// <summary>Every party record of <paramref name="source"/>, unit by unit.</summary>
    public IEnumerable<PartyView> Parties(string source) => Units().SelectMany(u => Parties(u, source));
}
