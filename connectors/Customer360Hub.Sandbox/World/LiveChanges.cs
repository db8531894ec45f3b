namespace Customer360Hub.Sandbox.World;

/// <summary>
/// What happened after the epoch, tick by tick: records created, changed and deleted. Only these
/// are held in memory; everything else is regenerated from the seed.
/// </summary>
internal sealed class LiveChanges
{
    private const ulong LiveStream = 31;
    private static readonly string[] Deletable = [SourceNames.Stripe, SourceNames.Zendesk, SourceNames.Salesforce, SourceNames.Graph];
    private static readonly string[] WithActivities = [SourceNames.BusinessCentral, SourceNames.Stripe, SourceNames.Zendesk, SourceNames.HubSpot, SourceNames.Salesforce, SourceNames.Graph];

    private readonly Dictionary<string, WorldRecord> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Entity), List<WorldRecord>> _bySet = [];
    private readonly List<DateTimeOffset> _newUnitsJoined = [];

    public int Tick { get; private set; }

    public int NewUnits => _newUnitsJoined.Count;

    public long Changes => _latest.Count;

    public DateTimeOffset JoinedAt(int newUnitOrdinal) => _newUnitsJoined[newUnitOrdinal];

    public WorldRecord? Latest(string source, string entity, string recordId) =>
        _latest.GetValueOrDefault(Key(source, entity, recordId));

    /// <summary>The live records of one entity set after <paramref name="after"/> (exclusive), in time order, skipping superseded versions.</summary>
    public List<WorldRecord> After(string source, string entity, DateTimeOffset after)
    {
        if (!_bySet.TryGetValue((source, entity), out var list))
        {
            return [];
        }

        var result = new List<WorldRecord>();
        var start = LowerBound(list, after);
        for (var i = start; i < list.Count; i++)
        {
            var record = list[i];
            if (ReferenceEquals(_latest[Key(record.Source, record.EntityType, record.RecordId)], record))
            {
                result.Add(record);
            }
        }

        return result;
    }

    /// <summary>Applies the next tick: new customers join, records change and some are deleted.</summary>
    public int Advance(SyntheticWorld world, int changeCount)
    {
        Tick++;
        var random = WorldRandom.For(world.Seed, LiveStream, Tick);
        var start = world.Options.Epoch + (world.Options.TickLength * (Tick - 1));
        var sequence = 0;
        DateTimeOffset Next() => start.AddMilliseconds(++sequence);
        var applied = 0;
        for (var change = 0; change < changeCount; change++)
        {
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                var unitIndex = world.UnitCount + _newUnitsJoined.Count;
                _newUnitsJoined.Add(Next());
                var unit = world.Unit(unitIndex);
                foreach (var source in SourceNames.PartySources)
                {
                    foreach (var party in world.Parties(unit, source))
                    {
                        Put(WorldRecord.Of(party, Next()));
                    }
                }

                applied++;
                continue;
            }

            var target = world.Unit(random.Next(world.UnitCount + _newUnitsJoined.Count));
            if (roll < 0.45)
            {
                var parties = world.Parties(target, random.Pick(SourceNames.PartySources));
                if (parties.Count > 0 && Current(world, parties[random.Next(parties.Count)]) is { Deleted: false, Party: { } party } current)
                {
                    Put(current with { Party = PartyProjection.Revise(world.Seed, target, party, (int)current.Version), ModifiedAt = Next(), Version = current.Version + 1 });
                    applied++;
                }
            }
            else if (roll < 0.75)
            {
                var source = random.Pick(WithActivities);
                var parties = source == SourceNames.Graph ? [] : world.Parties(target, source);
                var party = parties.Count == 0 ? null : parties[random.Next(parties.Count)];
                var slot = LiveSlot(change);
                if ((party is null || Current(world, party) is { Deleted: false }) && ActivityProjection.NewOne(world, target, source, party, slot, Next()) is { } activity)
                {
                    Put(WorldRecord.Of(activity, activity.OccurredAt));
                    applied++;
                }
            }
            else if (roll < 0.85)
            {
                var activities = world.Activities(target, random.Pick(WithActivities));
                if (activities.Count > 0
                    && Current(world, activities[random.Next(activities.Count)]) is { Deleted: false, Activity: { } activity } current
                    && ActivityProjection.Progress(activity) is { } progressed)
                {
                    Put(current with { Activity = progressed, ModifiedAt = Next(), Version = current.Version + 1 });
                    applied++;
                }
            }
            else
            {
                var source = random.Pick(Deletable);
                var parties = source == SourceNames.Graph ? [] : world.Parties(target, source);
                var activities = world.Activities(target, source);
                var count = parties.Count + activities.Count;
                if (count > 0)
                {
                    var pick = random.Next(count);
                    var current = pick < parties.Count ? Current(world, parties[pick]) : Current(world, activities[pick - parties.Count]);
                    if (current is { Deleted: false })
                    {
                        Put(current with { Deleted = true, ModifiedAt = Next(), Version = current.Version + 1 });
                        applied++;
                    }
                }
            }
        }

        return applied;
    }

    private WorldRecord Current(SyntheticWorld world, PartyView party) =>
        Latest(party.Source, party.EntityType, party.RecordId) ?? WorldRecord.Of(party, world.ModifiedAt(party.Unit, party.Slot));

    private WorldRecord Current(SyntheticWorld world, ActivityView activity) =>
        Latest(activity.Source, activity.EntityType, activity.RecordId) ?? WorldRecord.Of(activity, world.ModifiedAt(activity.Unit, activity.Slot));

    private int LiveSlot(int change) => 65_536 + (int)((((long)Tick * 4096) + change) % (RecordIds.SlotsPerUnit - 65_536));

    private void Put(WorldRecord record)
    {
        _latest[Key(record.Source, record.EntityType, record.RecordId)] = record;
        if (!_bySet.TryGetValue((record.Source, record.EntityType), out var list))
        {
            _bySet[(record.Source, record.EntityType)] = list = [];
        }

        list.Add(record);
    }

    private static int LowerBound(List<WorldRecord> list, DateTimeOffset after)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (list[mid].ModifiedAt <= after)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static string Key(string source, string entity, string recordId) => source + "/" + entity + "/" + recordId;
}
