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
    private const int CandidatePairs = 300_000;
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
        var (sessions, candidatePairs) = CandidatePatterns(ordered, maxBlockSize);

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
        return
        [
            features.Name.Given, features.Name.Family, features.BirthDateText, features.NationalId,
            features.Email?.MatchKey, features.Phone, features.Address.Line, features.City, features.Address.Postcode, features.Region, features.Company,
        ];
    }

    private static Dictionary<string, double>?[] CountValues(MatchFeatures[] records)
    {
        var counts = MatchField.All.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        foreach (var record in records)
        {
            var values = ExactValues(record);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value)
                {
                    counts[i][value] = counts[i].GetValueOrDefault(value) + 1;
                }
            }
        }

        return counts.Select(c =>
        {
            var frequent = c.Where(p => p.Value > 1).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TermFrequencyValues).ToList();
            return frequent.Count == 0 ? null : frequent.ToDictionary(p => p.Key, p => (double)p.Value / records.Length, StringComparer.Ordinal);
        }).ToArray();
    }

    private static double[]?[] EstimateU(MatchFeatures[] records)
    {
        var fields = MatchField.All;
        var counts = fields.Select(f => new long[f.Levels.Count]).ToArray();
        var random = new Random(360);
        var pairs = Math.Min(RandomPairs, Pairs(records.Length));
        for (var p = 0; p < pairs; p++)
        {
            var i = random.Next(records.Length);
            var j = random.Next(records.Length - 1);
            if (j >= i)
            {
                j++;
            }

            var comparison = PairComparer.Compare(records[i], records[j]);
            for (var f = 0; f < fields.Count; f++)
            {
                if (comparison.Levels[f] >= 0)
                {
                    counts[f][comparison.Levels[f]]++;
                }
            }
        }

        return counts.Select(c =>
        {
            var observed = c.Sum();
            return observed < MinObservations ? null : c.Select(n => (n + 0.5) / (observed + (0.5 * c.Length))).ToArray();
        }).ToArray();
    }

    /// <summary>The comparison patterns of the candidate pairs, per kind of blocking key (a sample of them when there are very many).</summary>
    private static (Dictionary<string, Session> Sessions, Dictionary<long, double> Unique) CandidatePatterns(MatchFeatures[] records, int maxBlockSize)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            foreach (var key in BlockingKeys.For(records[i]))
            {
                if (!blocks.TryGetValue(key, out var members))
                {
                    blocks[key] = members = [];
                }

                members.Add(i);
            }
        }

        var usable = blocks.Where(b => b.Value.Count > 1 && b.Value.Count <= maxBlockSize).ToList();
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
        var unique = new Dictionary<long, double>();
        var patternOf = new Dictionary<long, long>();
        foreach (var group in usable.GroupBy(b => BlockingKeys.KindOf(b.Key), StringComparer.Ordinal))
        {
            var estimate = group.Sum(b => (long)b.Value.Count * (b.Value.Count - 1) / 2);
            var keepOneIn = Math.Max(1, estimate / CandidatePairs);
            var excluded = MatchField.All.Select(f => BlockingKeys.FieldsOf(group.Key).Contains(f.Name)).ToArray();
            var session = new Session(excluded, new Dictionary<long, double>());
            var seen = new HashSet<long>();
            foreach (var (_, members) in group)
            {
                for (var x = 0; x < members.Count; x++)
                {
                    for (var y = x + 1; y < members.Count; y++)
                    {
                        var pair = ((long)members[x] << 32) | (uint)members[y];
                        if ((keepOneIn > 1 && StableHash(pair) % (ulong)keepOneIn != 0) || !seen.Add(pair))
                        {
                            continue;
                        }

                        if (!patternOf.TryGetValue(pair, out var pattern))
                        {
                            var comparison = PairComparer.Compare(records[members[x]], records[members[y]]);
                            pattern = comparison.DifferentPartyTypes ? -1 : Encode(comparison.Levels);
                            patternOf[pair] = pattern;
                            if (pattern >= 0)
                            {
                                // Every pair once, weighted back up by its session's sampling, for the prior.
                                unique[pattern] = unique.GetValueOrDefault(pattern) + keepOneIn;
                            }
                        }

                        if (pattern >= 0)
                        {
                            session.Patterns[pattern] = session.Patterns.GetValueOrDefault(pattern) + keepOneIn;
                        }
                    }
                }
            }

            if (session.Patterns.Count > 0)
            {
                sessions[group.Key] = session;
            }
        }

        return (sessions, unique);
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

    private static ulong StableHash(long value)
    {
        var x = (ulong)value;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        return x ^ (x >> 33);
    }
}
