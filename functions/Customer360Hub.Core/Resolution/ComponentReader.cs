using Customer360Hub.Changes;
using Customer360Hub.Json;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Reads the connected group of records around a change: the records reachable through links,
/// steward force-matches and household relations, plus every member of the profiles they are in
/// now (so a profile that lost its only evidence is seen whole and can split). Members of a
/// profile are known to be live records of it, so their documents are only read when they move.
/// </summary>
internal static class ComponentReader
{
    internal sealed class Node(string key, string? profileId, bool deleted, IReadOnlyList<RelationSummary> relations, Versioned<SourceRecord>? stored)
    {
        public string Key => key;

        /// <summary>The profile the record is in before this change.</summary>
        public string? ProfileId => profileId;

        public bool Deleted => deleted;

        public IReadOnlyList<RelationSummary> Relations => relations;

        /// <summary>The stored record, when it has been read.</summary>
        public Versioned<SourceRecord>? Stored { get; set; } = stored;
    }

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
        var relations = new DocumentSet<RelationSummary>(store.Documents, Containers.Links, CoreJsonContext.Default.RelationSummary);
        var component = new Component();
        var triedProfiles = new HashSet<string>(StringComparer.Ordinal);
        var memberOf = new Dictionary<string, string>(StringComparer.Ordinal);
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

            string? profileId;
            bool deleted;
            Versioned<SourceRecord>? stored = null;
            if (changed is { } c && c.Record.RecordKey == key)
            {
                (profileId, deleted, stored) = (c.Record.ProfileId, c.Record.Deleted, c.Existing);
            }
            else if (memberOf.TryGetValue(key, out var member))
            {
                (profileId, deleted) = (member, false);
            }
            else
            {
                stored = await store.Records.GetAsync(DocumentKey.Single(key), cancellationToken).ConfigureAwait(false);
                if (stored is not { Document.Kind: RecordKind.Party })
                {
                    continue;
                }

                (profileId, deleted) = (stored.Document.ProfileId, stored.Document.Deleted);
            }

            var found = (await relations.QueryAllAsync(key, cancellationToken).ConfigureAwait(false)).Select(r => r.Document).ToList();
            component.Nodes[key] = new Node(key, profileId, deleted, found, stored);
            if (profileId is not null && triedProfiles.Add(profileId))
            {
                var profile = await store.Profiles.GetAsync(DocumentKey.Single(profileId), cancellationToken).ConfigureAwait(false);
                if (profile is { Document.RedirectTo: null })
                {
                    component.Profiles[profileId] = profile;
                    foreach (var m in profile.Document.Members)
                    {
                        memberOf.TryAdd(m.RecordKey, profileId);
                        queue.Enqueue(m.RecordKey);
                    }
                }
            }

            if (deleted)
            {
                continue;
            }

            foreach (var relation in found)
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
