using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Reads the connected group of records around a change: the records reachable through links,
/// steward force-matches and household relations, plus every member of the profiles they are in
/// now (so a profile that lost its only evidence is seen whole and can split).
/// </summary>
internal static class ComponentReader
{
    internal sealed record Node(string Key, SourceRecord Record, Versioned<SourceRecord>? Stored, IReadOnlyList<IdentityLink> Relations);

    internal sealed class Component
    {
        public Dictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);

        /// <summary>Live profiles the records are in now, by id.</summary>
        public Dictionary<string, Versioned<GoldenProfile>> Profiles { get; } = new(StringComparer.Ordinal);

        /// <summary>True when the group was larger than the limit and only part of it was read.</summary>
        public bool Truncated { get; set; }
    }

    public static async Task<Component> ReadAsync(
        HubStore store,
        IEnumerable<string> seeds,
        (SourceRecord Record, Versioned<SourceRecord>? Existing)? changed,
        int maxNodes,
        CancellationToken cancellationToken)
    {
        var component = new Component();
        var triedProfiles = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(seeds);
        while (queue.Count > 0)
        {
            var key = queue.Dequeue();
            if (component.Nodes.ContainsKey(key))
            {
                continue;
            }

            if (component.Nodes.Count >= maxNodes)
            {
                component.Truncated = true;
                break;
            }

            SourceRecord? record;
            Versioned<SourceRecord>? stored;
            if (changed is { } c && c.Record.RecordKey == key)
            {
                (record, stored) = (c.Record, c.Existing);
            }
            else
            {
                stored = await store.Records.GetAsync(DocumentKey.Single(key), cancellationToken).ConfigureAwait(false);
                record = stored?.Document;
            }

            if (record is null || record.Kind != RecordKind.Party)
            {
                continue;
            }

            var relations = (await store.Links.QueryAllAsync(key, cancellationToken).ConfigureAwait(false)).Select(r => r.Document).ToList();
            component.Nodes[key] = new Node(key, record, stored, relations);
            if (record.ProfileId is { } profileId && triedProfiles.Add(profileId))
            {
                var profile = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
                if (profile is { Document.RedirectTo: null })
                {
                    component.Profiles[profileId] = profile;
                    foreach (var member in profile.Document.Members)
                    {
                        queue.Enqueue(member.RecordKey);
                    }
                }
            }

            if (record.Deleted)
            {
                continue;
            }

            foreach (var relation in relations)
            {
                if (relation.Decision is LinkDecision.Link or LinkDecision.ForceMatch or LinkDecision.Household)
                {
                    queue.Enqueue(relation.OtherKey);
                }
            }
        }

        return component;
    }
}
