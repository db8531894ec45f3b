using System.Security.Cryptography;
using System.Text;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;

namespace Customer360Hub.Resolution;

/// <summary>
/// Derives the profiles of a connected group of records and writes them: clusters from the
/// relations, households from household relations between clusters, and stable ids. Every
/// existing profile, oldest first, keeps the cluster holding most of its records; a profile left
/// without a cluster of its own redirects to the one that took most of its records (a merge); a
/// cluster without an id gets one derived from its first record key, reviving a merged-away
/// profile of that id when there is one (a split that undoes a merge gives the old id back).
/// </summary>
internal static class ProfilePlanner
{
    internal sealed record Plan(
        IReadOnlyList<IReadOnlyList<string>> Clusters,
        IReadOnlyDictionary<string, int> ClusterOf,
        IReadOnlyDictionary<string, string> RuleOf,
        IReadOnlyList<string?> HouseholdOf);

    internal sealed record Ids(
        string[] ClusterIds,
        IReadOnlyDictionary<string, string> Redirects,
        IReadOnlyList<string> Removed,
        IReadOnlyDictionary<string, Versioned<GoldenProfile>> Revived);

    public static Plan Derive(ComponentReader.Component group, DateTimeOffset now, int maxProfileSize, Func<string, string, double> pairScore, double linkThreshold)
    {
        var live = group.Nodes.Values.Where(n => !n.Deleted).ToList();
        var liveKeys = live.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var edges = new List<ClusterSolver.Edge>();
        var never = new List<(string, string)>();
        var households = new List<(string, string)>();
        var seen = new HashSet<(string, string, string?, LinkDecision)>();
        foreach (var node in live)
        {
            foreach (var relation in node.Relations)
            {
                var other = relation.OtherKey;
                if (!liveKeys.Contains(other) || string.CompareOrdinal(node.Key, other) > 0 || !seen.Add((node.Key, other, relation.DecisionId, relation.Decision)))
                {
                    continue;
                }

                var effective = relation.EffectiveFrom is not { } from || from <= now;
                switch (relation.Decision)
                {
                    case LinkDecision.Link:
                        edges.Add(new ClusterSolver.Edge(node.Key, other, relation.Score, false, relation.Rules.FirstOrDefault() ?? "link"));
                        break;
                    case LinkDecision.ForceMatch when effective:
                        edges.Add(new ClusterSolver.Edge(node.Key, other, double.MaxValue, true, "steward: force-match (decision " + relation.DecisionId + ")"));
                        break;
                    case LinkDecision.NeverMatch when effective:
                        never.Add((node.Key, other));
                        break;
                    case LinkDecision.Household:
                        households.Add((node.Key, other));
                        break;
                    default:
                        break;
                }
            }
        }

        var solved = ClusterSolver.Solve(liveKeys, edges, never, maxProfileSize, pairScore, linkThreshold);
        var clusterOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < solved.Clusters.Count; i++)
        {
            foreach (var key in solved.Clusters[i])
            {
                clusterOf[key] = i;
            }
        }

        return new Plan(solved.Clusters, clusterOf, solved.RuleOf, HouseholdsOf(solved.Clusters, clusterOf, households));
    }

    public static async Task<Ids> AssignIdsAsync(IdentityDocuments documents, ComponentReader.Component group, Plan plan, CancellationToken cancellationToken)
    {
        var clusterIds = new string?[plan.Clusters.Count];
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        var removed = new List<string>();
        var oldest = group.Profiles.Values.OrderBy(p => p.Document.CreatedAt).ThenBy(p => p.Document.Id, StringComparer.Ordinal).ToList();
        var intoCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var profile in oldest)
        {
            var overlap = profile.Document.Members
                .Select(m => plan.ClusterOf.TryGetValue(m.RecordKey, out var c) ? c : -1)
                .Where(c => c >= 0)
                .GroupBy(c => c)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key)
                .Select(g => g.Key)
                .ToList();
            if (overlap.Count == 0)
            {
                removed.Add(profile.Document.Id);
                continue;
            }

            var free = overlap.FindIndex(c => clusterIds[c] is null);
            if (free >= 0)
            {
                clusterIds[overlap[free]] = profile.Document.Id;
            }
            else
            {
                intoCluster[profile.Document.Id] = overlap[0];
            }
        }

        var revived = new Dictionary<string, Versioned<GoldenProfile>>(StringComparer.Ordinal);
        var used = new HashSet<string>(group.Profiles.Keys, StringComparer.Ordinal);
        for (var i = 0; i < clusterIds.Length; i++)
        {
            if (clusterIds[i] is not null)
            {
                continue;
            }

            for (var n = 0; ; n++)
            {
                var candidate = ProfileIds.For(n == 0 ? plan.Clusters[i][0] : plan.Clusters[i][0] + "#" + n);
                if (!used.Add(candidate))
                {
                    continue;
                }

                var existing = await documents.ProfileAsync(candidate, cancellationToken).ConfigureAwait(false);
                if (existing is null || existing.Document.RedirectTo is not null)
                {
                    if (existing is not null)
                    {
                        revived[candidate] = existing;
                    }

                    clusterIds[i] = candidate;
                    break;
                }
            }
        }

        foreach (var (from, cluster) in intoCluster)
        {
            redirects[from] = clusterIds[cluster]!;
        }

        return new Ids(clusterIds!, redirects, removed, revived);
    }

    public static IdentityOutcome Write(IdentityDocuments documents, ComponentReader.Component group, Plan plan, Ids ids, DateTimeOffset now, List<DocumentWrite> writes)
    {
        var store = documents.Store;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var created = new List<string>();
        for (var i = 0; i < plan.Clusters.Count; i++)
        {
            var id = ids.ClusterIds[i];
            var cluster = plan.Clusters[i];
            var household = plan.HouseholdOf[i];
            group.Profiles.TryGetValue(id, out var old);
            var previous = old?.Document.Members.ToDictionary(m => m.RecordKey, StringComparer.Ordinal) ?? [];
            var members = cluster.Select(k => previous.TryGetValue(k, out var kept) ? kept : new ProfileMember(k, now, RuleOf(plan, k, cluster))).ToList();
            if (old is not null)
            {
                var unchanged = previous.Count == members.Count && members.TrueForAll(m => previous.ContainsKey(m.RecordKey)) && old.Document.HouseholdId == household;
                if (!unchanged)
                {
                    var updated = old.Document with { Members = members, HouseholdId = household, UpdatedAt = now };
                    writes.Add(documents.WriteProfile(store.Profiles.Replace(old.Key, updated, old.ETag), updated));
                    touched.Add(id);
                }
            }
            else
            {
                var profile = new GoldenProfile { Id = id, CreatedAt = now, UpdatedAt = now, Members = members, HouseholdId = household, Engine = ProfileComposer.Engine };
                if (ids.Revived.TryGetValue(id, out var stub))
                {
                    profile = profile with { CreatedAt = stub.Document.CreatedAt };
                    writes.Add(documents.WriteProfile(store.Profiles.Replace(stub.Key, profile, stub.ETag), profile));
                }
                else
                {
                    writes.Add(documents.WriteProfile(store.Profiles.Create(DocumentKey.Single(id), profile), profile));
                }
                created.Add(id);
                touched.Add(id);
            }

            if (old?.Document.HouseholdId != household)
            {
                if (old?.Document.HouseholdId is { } before)
                {
                    writes.Add(store.Households.Delete(new DocumentKey(before, id)));
                }

                if (household is not null)
                {
                    writes.Add(store.Households.Upsert(new DocumentKey(household, id), new HouseholdMember(household, id, now)));
                }
            }
        }

        var merged = new List<ProfileMerge>();
        foreach (var (from, into) in ids.Redirects.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var old = group.Profiles[from];
            var stub = new GoldenProfile { Id = from, CreatedAt = old.Document.CreatedAt, UpdatedAt = now, RedirectTo = into, Engine = old.Document.Engine };
            writes.Add(documents.WriteProfile(store.Profiles.Replace(old.Key, stub, old.ETag), stub));
            RemoveHousehold(store, old.Document, writes);
            merged.Add(new ProfileMerge(from, into));
            touched.Add(from);
            touched.Add(into);
        }

        foreach (var id in ids.Removed)
        {
            var old = group.Profiles[id];
            writes.Add(store.Profiles.Delete(old.Key, old.ETag));
            RemoveHousehold(store, old.Document, writes);
            touched.Add(id);
        }

        var split = new List<ProfileSplit>();
        foreach (var (id, old) in group.Profiles)
        {
            var clusters = old.Document.Members.Select(m => plan.ClusterOf.TryGetValue(m.RecordKey, out var c) ? c : -1).Where(c => c >= 0).Distinct().ToList();
            if (clusters.Count > 1)
            {
                split.Add(new ProfileSplit(id, clusters.Select(c => ids.ClusterIds[c]).Order(StringComparer.Ordinal).ToList()));
                touched.UnionWith(clusters.Select(c => ids.ClusterIds[c]));
            }
        }

        return new IdentityOutcome { Touched = touched, Created = created, Merged = merged, Split = split, Removed = ids.Removed };
    }

    private static void RemoveHousehold(HubStore store, GoldenProfile profile, List<DocumentWrite> writes)
    {
        if (profile.HouseholdId is { } household)
        {
            writes.Add(store.Households.Delete(new DocumentKey(household, profile.Id)));
        }
    }

    private static string RuleOf(Plan plan, string key, IReadOnlyList<string> cluster) =>
        cluster.Count == 1 ? IdentityResolver.FoundingRule : plan.RuleOf.GetValueOrDefault(key, "linked");

    private static List<string?> HouseholdsOf(IReadOnlyList<IReadOnlyList<string>> clusters, Dictionary<string, int> clusterOf, List<(string A, string B)> households)
    {
        if (households.Count == 0)
        {
            return [.. new string?[clusters.Count]];
        }

        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        foreach (var (a, b) in households)
        {
            var x = Find(clusterOf[a]);
            var y = Find(clusterOf[b]);
            if (x != y)
            {
                parent[Math.Max(x, y)] = Math.Min(x, y);
            }
        }

        var groups = Enumerable.Range(0, clusters.Count).GroupBy(Find).ToDictionary(g => g.Key, g => g.ToList());
        return Enumerable.Range(0, clusters.Count).Select(i =>
        {
            var members = groups[Find(i)];
            if (members.Count < 2)
            {
                return null;
            }

            var first = members.Select(c => clusters[c][0]).Min(StringComparer.Ordinal)!;
            return (string?)("h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first)).AsSpan(0, 10)));
        }).ToList();
    }
}
