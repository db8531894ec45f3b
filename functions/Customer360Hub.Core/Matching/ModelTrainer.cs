using System.Globalization;

namespace Customer360Hub.Matching;

/// <summary>
/// Estimates a <see cref="MatchModel"/> from unlabelled records: term frequencies by counting,
/// u probabilities from random pairs, and m probabilities with the prior by
/// expectation-maximisation over the candidate pairs that blocking produces. Records are taken
/// in an order fixed by their keys, so the same records give the same model whatever order they
/// came in.
/// </summary>
public static class ModelTrainer
{
    private const int TermFrequencyValues = 50_000;
    private const int RandomPairs = 200_000;
    private const int CandidatePairs = 100_000;
    private const int MaxIterations = 60;
    private const int MinObservations = 50;

    /// <param name="maxBlockSize">Blocking keys held by more records than this are not used for candidates (as in resolution).</param>
    public static MatchModel Train(IReadOnlyCollection<MatchFeatures> records, int maxBlockSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        var ordered = records.OrderBy(r => StableHash(r.RecordKey)).ThenBy(r => r.RecordKey, StringComparer.Ordinal).ToArray();
        var defaults = MatchModel.Default;
        if (ordered.Length < 20)
        {
            return defaults;
        }

        var fields = MatchField.All;
        var frequencies = CountValues(ordered);
        var u = EstimateU(ordered).Select((estimate, i) => estimate ?? (double[])defaults.Fields[fields[i].Name].U.Clone()).ToArray();
        var (sessions, candidatePairs, common) = CandidatePatterns(ordered, maxBlockSize);

        // Splink-style sessions: the pairs one kind of blocking key found estimate m for every
        // field except those the key itself selects on, whose agreement says nothing there.
        var sums = fields.Select(f => new double[f.Levels.Count]).ToArray();
        var weights = new double[fields.Count];
        foreach (var session in sessions.Values)
        {
            var (m, matches) = RunSession(session, u, defaults);
            for (var i = 0; i < fields.Count; i++)
            {
                if (!session.Excluded[i] && m[i] is { } estimate)
                {
                    for (var level = 0; level < estimate.Length; level++)
                    {
                        sums[i][level] += estimate[level] * matches;
                    }

                    weights[i] += matches;
                }
            }
        }

        var mCombined = fields.Select((f, i) => weights[i] > 0 ? sums[i].Select(x => x / weights[i]).ToArray() : (double[])defaults.Fields[f.Name].M.Clone()).ToArray();
        var prior = RandomPairPrior(candidatePairs, mCombined, u, Pairs(ordered.Length));

        var model = new Dictionary<string, FieldModel>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            model[fields[i].Name] = new FieldModel
            {
                M = mCombined[i],
                U = u[i],
                TermFrequencies = frequencies[i],
                SingleShare = 1.0 / ordered.Length,
            };
        }

        var version = ordered.Aggregate(14695981039346656037UL, (hash, r) => (hash ^ StableHash(r.RecordKey + "@" + r.Version)) * 1099511628211UL);
        return new MatchModel
        {
            Version = "em-" + version.ToString("x16", CultureInfo.InvariantCulture),
            Origin = $"estimated without labels from {ordered.Length} records ({sessions.Values.Sum(s => s.Patterns.Values.Sum())} candidate pairs in {sessions.Count} blocking sessions, {Math.Min(RandomPairs, Pairs(ordered.Length))} random pairs)",
            Prior = prior,
            Fields = model,
            CommonKeys = common,
        };
    }

    /// <summary>One EM run over a session's pairs with u fixed; returns m per field (null where the session has too little) and the expected matches.</summary>
    private static (double[]?[] M, double Matches) RunSession(Session session, double[][] u, MatchModel defaults)
    {
        var fields = MatchField.All;
        var m = fields.Select(f => (double[])defaults.Fields[f.Name].M.Clone()).ToArray();
        var observedAny = new bool[fields.Count];
        var prior = 0.5;
        var total = session.Patterns.Values.Sum();
        var matchTotal = 0.0;
        var decoded = session.Patterns.Select(p => (Levels: Decode(p.Key, fields.Count), Count: p.Value)).ToList();
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var sums = fields.Select(f => new double[f.Levels.Count]).ToArray();
            matchTotal = 0.0;
            foreach (var (levels, count) in decoded)
            {
                double pm = prior, pu = 1 - prior;
                for (var i = 0; i < levels.Length; i++)
                {
                    if (levels[i] >= 0 && !session.Excluded[i])
                    {
                        pm *= m[i][levels[i]];
                        pu *= u[i][levels[i]];
                    }
                }

                var posterior = pm / (pm + pu);
                matchTotal += posterior * count;
                for (var i = 0; i < levels.Length; i++)
                {
                    if (levels[i] >= 0 && !session.Excluded[i])
                    {
                        sums[i][levels[i]] += posterior * count;
                    }
                }
            }

            var change = 0.0;
            for (var i = 0; i < fields.Count; i++)
            {
                var observed = sums[i].Sum();
                if (session.Excluded[i] || observed < MinObservations * 0.1)
                {
                    continue;
                }

                observedAny[i] = true;
                for (var level = 0; level < sums[i].Length; level++)
                {
                    // Smoothed towards the default, so a level the data never shows keeps a sensible weight.
                    var estimate = (sums[i][level] + defaults.Fields[fields[i].Name].M[level]) / (observed + 1);
                    change = Math.Max(change, Math.Abs(estimate - m[i][level]));
                    m[i][level] = estimate;
                }
            }

            var newPrior = Math.Clamp(matchTotal / total, 1e-6, 0.999);
            change = Math.Max(change, Math.Abs(newPrior - prior));
            prior = newPrior;
            if (change < 1e-5)
            {
                break;
            }
        }

        return (m.Select((estimate, i) => observedAny[i] ? estimate : null).ToArray(), matchTotal);
    }

    /// <summary>
    /// The probability that two records drawn at random are the same party: the expected matches
    /// among the candidate pairs (which hold nearly all of them) over every possible pair, found
    /// by iterating the posterior to a fixed point.
    /// </summary>
    private static double RandomPairPrior(Dictionary<long, double> candidatePairs, double[][] m, double[][] u, long allPairs)
    {
        var factors = candidatePairs.Select(p =>
        {
            var levels = Decode(p.Key, m.Length);
            var factor = 1.0;
            for (var i = 0; i < levels.Length; i++)
            {
                if (levels[i] >= 0)
                {
                    factor *= m[i][levels[i]] / u[i][levels[i]];
                }
            }

            return (Factor: factor, Count: p.Value);
        }).ToList();
        var prior = 1.0 / allPairs;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var odds = prior / (1 - prior);
            var expected = factors.Sum(f => f.Count * (odds * f.Factor / (1 + (odds * f.Factor))));
            var next = Math.Clamp(expected / allPairs, 1e-12, 0.5);
            if (Math.Abs(next - prior) < prior * 1e-4)
            {
                return next;
            }

            prior = next;
        }

        return prior;
    }

    /// <summary>The value each field compares at its exact level (the one weighted by rarity).</summary>
    public static string?[] ExactValues(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. Enumerable.Range(0, MatchField.All.Count).Select(i => ExactValue(features, i))];
    }

    private static Dictionary<string, double>?[] CountValues(MatchFeatures[] records)
    {
        var frequencies = new Dictionary<string, double>?[MatchField.All.Count];
        Parallel.For(0, frequencies.Length, field =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                if (ExactValue(record, field) is { } value)
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                }
            }

            var frequent = counts.Where(p => p.Value > 1).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TermFrequencyValues).ToList();
            frequencies[field] = frequent.Count == 0 ? null : frequent.ToDictionary(p => p.Key, p => (double)p.Value / records.Length, StringComparer.Ordinal);
        });
        return frequencies;
    }

    private static string? ExactValue(MatchFeatures features, int field) => field switch
    {
        0 => features.Name.Given,
        1 => features.Name.Family,
        2 => features.BirthDateText,
        3 => features.NationalId,
        4 => features.Email?.MatchKey,
        5 => features.Phone,
        6 => features.Address.Line,
        7 => features.City,
        8 => features.Address.Postcode,
        9 => features.Region,
        _ => features.Company,
    };

    private static double[]?[] EstimateU(MatchFeatures[] records)
    {
        var fields = MatchField.All;
        var random = new Random(360);
        var pairs = new (int, int)[Math.Min(RandomPairs, Pairs(records.Length))];
        for (var p = 0; p < pairs.Length; p++)
        {
            var i = random.Next(records.Length);
            var j = random.Next(records.Length - 1);
            pairs[p] = (i, j >= i ? j + 1 : j);
        }

        var (levels, _) = Compare(records, pairs);
        var counts = fields.Select(f => new long[f.Levels.Count]).ToArray();
        foreach (var comparison in levels)
        {
            for (var f = 0; f < fields.Count; f++)
            {
                if (comparison[f] >= 0)
                {
                    counts[f][comparison[f]]++;
                }
            }
        }

        return counts.Select(c =>
        {
            var observed = c.Sum();
            return observed < MinObservations ? null : c.Select(n => (n + 0.5) / (observed + (0.5 * c.Length))).ToArray();
        }).ToArray();
    }

    /// <summary>The comparison levels of each pair, and whether it is a person and an organisation, on every core.</summary>
    private static (int[][] Levels, bool[] DifferentPartyTypes) Compare(MatchFeatures[] records, IReadOnlyList<(int A, int B)> pairs)
    {
        var levels = new int[pairs.Count][];
        var different = new bool[pairs.Count];
        // One comparison per worker, of which only the levels are kept.
        Parallel.For(
            0,
            pairs.Count,
            () => new PairComparison(MatchField.All.Count),
            (p, _, scratch) =>
            {
                var comparison = PairComparer.Compare(records[pairs[p].A], records[pairs[p].B], scratch);
                levels[p] = (int[])comparison.Levels.Clone();
                different[p] = comparison.DifferentPartyTypes;
                return scratch;
            },
            _ => { });
        return (levels, different);
    }

    /// <summary>
    /// The comparison patterns of the candidate pairs, per kind of blocking key, and the keys too
    /// common to use. When a kind finds very many pairs, whole blocks are sampled (by a hash of
    /// the key, so the same input gives the same sample) and their pairs weighted back up.
    /// </summary>
    private static (Dictionary<string, Session> Sessions, Dictionary<long, double> Unique, HashSet<string> Common) CandidatePatterns(MatchFeatures[] records, int maxBlockSize)
    {
        var keysOf = new IReadOnlyList<string>[records.Length];
        Parallel.For(0, records.Length, i => keysOf[i] = BlockingKeys.For(records[i]));
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var keys in keysOf)
        {
            foreach (var key in keys)
            {
                sizes[key] = sizes.GetValueOrDefault(key) + 1;
            }
        }

        var common = new HashSet<string>(StringComparer.Ordinal);
        var pairsOfKind = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, size) in sizes)
        {
            if (size > maxBlockSize)
            {
                common.Add(key);
            }
            else if (size > 1)
            {
                var kind = BlockingKeys.KindOf(key);
                pairsOfKind[kind] = pairsOfKind.GetValueOrDefault(kind) + ((long)size * (size - 1) / 2);
            }
        }

        var keepOneIn = pairsOfKind.ToDictionary(p => p.Key, p => Math.Max(1, p.Value / CandidatePairs), StringComparer.Ordinal);
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            foreach (var key in keysOf[i])
            {
                if (keepOneIn.TryGetValue(BlockingKeys.KindOf(key), out var keep) && sizes[key] is > 1 && !common.Contains(key) && (keep == 1 || StableHash(key) % (ulong)keep == 0))
                {
                    if (!blocks.TryGetValue(key, out var members))
                    {
                        blocks[key] = members = [];
                    }

                    members.Add(i);
                }
            }
        }

        // Every sampled pair once, in a fixed order, compared on every core.
        var byKind = blocks.GroupBy(b => BlockingKeys.KindOf(b.Key), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        // Keyed by the pair itself: a long made of two small indices hashes to their XOR, which
        // collides for most pairs of a block.
        var index = new Dictionary<(int, int), int>();
        var pairs = new List<(int, int)>();
        var sessionPairs = new List<(string Kind, List<int> Pairs)>();
        foreach (var group in byKind)
        {
            var found = new List<int>();
            foreach (var (_, members) in group.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                for (var x = 0; x < members.Count; x++)
                {
                    for (var y = x + 1; y < members.Count; y++)
                    {
                        var pair = (members[x], members[y]);
                        if (!index.TryGetValue(pair, out var at))
                        {
                            index[pair] = at = pairs.Count;
                            pairs.Add(pair);
                        }

                        found.Add(at);
                    }
                }
            }

            sessionPairs.Add((group.Key, found));
        }

        var (levels, differentPartyTypes) = Compare(records, pairs);
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
        var unique = new Dictionary<long, double>();
        var counted = new bool[pairs.Count];
        foreach (var (kind, found) in sessionPairs)
        {
            var weight = keepOneIn[kind];
            var excluded = MatchField.All.Select(f => BlockingKeys.FieldsOf(kind).Contains(f.Name)).ToArray();
            var session = new Session(excluded, new Dictionary<long, double>());
            foreach (var at in found.Distinct())
            {
                if (differentPartyTypes[at])
                {
                    continue;
                }

                var pattern = Encode(levels[at]);
                session.Patterns[pattern] = session.Patterns.GetValueOrDefault(pattern) + weight;
                if (!counted[at])
                {
                    // Every pair once, weighted back up by its session's sampling, for the prior.
                    counted[at] = true;
                    unique[pattern] = unique.GetValueOrDefault(pattern) + weight;
                }
            }

            if (session.Patterns.Count > 0)
            {
                sessions[kind] = session;
            }
        }

        return (sessions, unique, common);
    }

    private sealed record Session(bool[] Excluded, Dictionary<long, double> Patterns);

    private static long Encode(int[] levels)
    {
        long pattern = 0;
        foreach (var level in levels)
        {
            pattern = (pattern << 3) | (uint)(level + 1);
        }

        return pattern;
    }

    private static int[] Decode(long pattern, int count)
    {
        var levels = new int[count];
        for (var i = count - 1; i >= 0; i--)
        {
            levels[i] = (int)(pattern & 7) - 1;
            pattern >>= 3;
        }

        return levels;
    }

    private static long Pairs(long n) => n * (n - 1) / 2;

    /// <summary>FNV-1a: stable across processes and runs (string.GetHashCode is not).</summary>
    internal static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
