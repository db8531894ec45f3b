namespace Customer360Hub.Resolution;

/// <summary>
/// Turns the relations among a connected group of records into profiles: steward force-matches
/// first, then links from the strongest score down (ties by record keys), each joining two
/// clusters unless a never-match sits between them, the result would exceed the size cap, or
/// the records of the two clusters do not look alike on average (average linkage: the mean
/// score over every cross pair must reach the link threshold), which stops chains of weak links
/// from gluing different people together. A pair scored as negative infinity (records that say
/// they are different people) vetoes any join that would put them in one profile, however well the
/// rest of the two clusters agree: averaging would let a chain outvote it. The result depends only on the records and their
/// relations, never on the order they arrived in.
/// </summary>
internal static class ClusterSolver
{
    internal sealed record Edge(string A, string B, double Weight, bool Forced, string Rule);

    internal sealed record Result(IReadOnlyList<IReadOnlyList<string>> Clusters, IReadOnlyDictionary<string, string> RuleOf);

    /// <param name="pairScore">The score of any two records (pure: the same pair always scores the same); negative infinity vetoes.</param>
    /// <param name="linkThreshold">The mean cross-pair score two clusters need to join.</param>
    public static Result Solve(
        IReadOnlyCollection<string> nodes,
        IEnumerable<Edge> edges,
        IEnumerable<(string A, string B)> never,
        int maxSize,
        Func<string, string, double> pairScore,
        double linkThreshold)
    {
        var keys = nodes.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }

        var parent = new int[keys.Length];
        var members = new List<int>[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            parent[i] = i;
            members[i] = [i];
        }

        var forbidden = new Dictionary<int, List<int>>();
        foreach (var (a, b) in never)
        {
            if (index.TryGetValue(a, out var x) && index.TryGetValue(b, out var y))
            {
                Add(forbidden, x, y);
                Add(forbidden, y, x);
            }
        }

        var ruleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var ordered = new List<Edge>();
        foreach (var edge in edges)
        {
            if (index.ContainsKey(edge.A) && index.ContainsKey(edge.B))
            {
                ordered.Add(edge);
            }
        }

        // A total order (forced first, strongest first, then by keys and rule), so the result never depends on input order.
        ordered.Sort(static (e, f) =>
        {
            var c = f.Forced.CompareTo(e.Forced);
            c = c != 0 ? c : f.Weight.CompareTo(e.Weight);
            c = c != 0 ? c : string.CompareOrdinal(e.A, f.A);
            c = c != 0 ? c : string.CompareOrdinal(e.B, f.B);
            return c != 0 ? c : string.CompareOrdinal(e.Rule, f.Rule);
        });
        foreach (var edge in ordered)
        {
            var x = Find(parent, index[edge.A]);
            var y = Find(parent, index[edge.B]);
            if (x == y)
            {
                continue;
            }

            if ((!edge.Forced && members[x].Count + members[y].Count > maxSize) || Conflicts(members[x], members[y], forbidden, parent, y))
            {
                continue;
            }

            if (!edge.Forced && MeanScore(members[x], members[y], keys, pairScore) < linkThreshold)
            {
                continue;
            }

            var (big, small) = members[x].Count >= members[y].Count ? (x, y) : (y, x);
            parent[small] = big;
            members[big].AddRange(members[small]);
            members[small] = [];
            ruleOf.TryAdd(edge.A, edge.Rule);
            ruleOf.TryAdd(edge.B, edge.Rule);
        }

        // Members are indexes into the sorted keys, so a sorted member list is in key order; each
        // cluster is listed at its first key, which puts the clusters in order of their first key.
        var clusters = new List<IReadOnlyList<string>>();
        var listed = new bool[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var root = Find(parent, i);
            if (listed[root])
            {
                continue;
            }

            listed[root] = true;
            var cluster = members[root];
            cluster.Sort();
            var names = new string[cluster.Count];
            for (var m = 0; m < names.Length; m++)
            {
                names[m] = keys[cluster[m]];
            }

            clusters.Add(names);
        }

        return new Result(clusters, ruleOf);
    }

    private static bool Conflicts(List<int> left, List<int> right, Dictionary<int, List<int>> forbidden, int[] parent, int rightRoot)
    {
        if (forbidden.Count == 0)
        {
            return false;
        }

        foreach (var member in left)
        {
            if (forbidden.TryGetValue(member, out var others) && others.Exists(o => Find(parent, o) == rightRoot))
            {
                return true;
            }
        }

        return false;
    }

    private static double MeanScore(List<int> left, List<int> right, string[] keys, Func<string, string, double> pairScore)
    {
        // Clipped, so one overwhelming pair cannot hide a clear disagreement.
        const double Clip = 20;
        var sum = 0.0;
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                var score = pairScore(keys[a], keys[b]);
                if (double.IsNegativeInfinity(score))
                {
                    return score;
                }

                sum += Math.Clamp(score, -Clip, Clip);
            }
        }

        return sum / (left.Count * right.Count);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Add(Dictionary<int, List<int>> map, int key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
