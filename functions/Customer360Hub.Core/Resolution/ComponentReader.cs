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
    internal sealed class Node(string key, RecordHead head, IReadOnlyList<RelationSummary> relations, StoredDocument? stored)
    {
        public string Key => key;

        /// <summary>The record as stored before this change (for the changed record: as it will be).</summary>
        public RecordHead Head => head;

        /// <summary>The profile the record is in before this change.</summary>
        public string? ProfileId => head.ProfileId;

        public bool Deleted => head.Deleted;

        public IReadOnlyList<RelationSummary> Relations => relations;

        /// <summary>The stored record document (for a conditional rewrite when it moves); null for the changed record.</summary>
        public StoredDocument? Stored => stored;
    }

    internal sealed class Component
    {
        public Dictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);

        /// <summary>Live profiles the records are in now, by id.</summary>
        public Dictionary<string, Versioned<GoldenProfile>> Profiles { get; } = new(StringComparer.Ordinal);

        /// <summary>True when the group was larger than the limit and only part of it was read.</summary>
        public bool Truncated { get; set; }
    }

    /// <param name="changed">The record being changed, with the profile it was in before.</param>
    public static async Task<Component> ReadAsync(
        IdentityDocuments documents,
        IEnumerable<string> seeds,
        SourceRecord? changed,
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

            RecordHead head;
            StoredDocument? stored = null;
            if (changed is not null && changed.RecordKey == key)
            {
                head = RecordHead.Of(changed);
            }
            else
            {
                var found = await documents.HeadAsync(key, cancellationToken).ConfigureAwait(false);
                if (found is not { Head.Kind: RecordKind.Party })
                {
                    continue;
                }

                (head, stored) = found.Value;
            }

            var relations = await documents.RelationsAsync(key, withPossibleMatches: false, cancellationToken).ConfigureAwait(false);
            component.Nodes[key] = new Node(key, head, relations, stored);
            if (head.ProfileId is { } profileId && triedProfiles.Add(profileId))
            {
                var profile = await documents.ProfileAsync(profileId, cancellationToken).ConfigureAwait(false);
                if (profile is { Document.RedirectTo: null })
                {
                    component.Profiles[profileId] = profile;
                    foreach (var member in profile.Document.Members)
                    {
                        queue.Enqueue(member.RecordKey);
                    }
                }
            }

            if (head.Deleted)
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
