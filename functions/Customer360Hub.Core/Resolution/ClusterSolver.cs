namespace Customer360Hub.Resolution;

/// <summary>
/// Turns the relations among a connected group of records into profiles: steward force-matches
/// first, then links from the strongest score down (ties by record keys), each joining two
/// clusters unless a never-match sits between them, the result would exceed the size cap, or
/// the records of the two clusters do not look alike on average (average linkage: the mean
/// score over every cross pair must reach the link threshold), which stops chains of weak links
/// from gluing different people together. The result depends only on the records and their
/// relations, never on the order they arrived in.
/// </summary>
internal static class ClusterSolver
{
    internal sealed record Edge(string A, string B, double Weight, bool Forced, string Rule);

    internal sealed record Result(IReadOnlyList<IReadOnlyList<string>> Clusters, IReadOnlyDictionary<string, string> RuleOf);

    /// <param name="pairScore">The score of any two records (pure: the same pair always scores the same).</param>
    /// <param name="linkThreshold">The mean cross-pair score two clusters need to join.</param>
    public static Result Solve(
        IReadOnlyCollection<string> nodes,
        IEnumerable<Edge> edges,
        IEnumerable<(string A, string B)> never,
        int maxSize,
        Func<string, string, double> pairScore,
        double linkThreshold)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = nodes.Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }

        var parent = Enumerable.Range(0, keys.Length).ToArray();
        var members = keys.Select((_, i) => new List<int> { i }).ToArray();
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
        var ordered = edges
            .Where(e => index.ContainsKey(e.A) && index.ContainsKey(e.B))
            .OrderByDescending(e => e.Forced)
            .ThenByDescending(e => e.Weight)
            .ThenBy(e => e.A, StringComparer.Ordinal)
            .ThenBy(e => e.B, StringComparer.Ordinal);
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

            if (!edge.Forced && (members[x].Count > 1 || members[y].Count > 1) && MeanScore(members[x], members[y], keys, pairScore) < linkThreshold)
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

        var clusters = Enumerable.Range(0, keys.Length)
            .Where(i => Find(parent, i) == i)
            .Select(root => (IReadOnlyList<string>)members[root].Select(i => keys[i]).Order(StringComparer.Ordinal).ToList())
            .OrderBy(c => c[0], StringComparer.Ordinal)
            .ToList();
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
                sum += Math.Clamp(pairScore(keys[a], keys[b]), -Clip, Clip);
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
