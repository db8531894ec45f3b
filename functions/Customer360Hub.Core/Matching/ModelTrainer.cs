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
    private const int RandomPairs = 1_000_000;
    private const int CandidatePairs = 1_000_000;
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
        var u = EstimateU(ordered);
        var patterns = CandidatePatterns(ordered, maxBlockSize);

        var m = fields.Select(f => (double[])defaults.Fields[f.Name].M.Clone()).ToArray();
        var uProbabilities = fields.Select((f, i) => u[i] ?? (double[])defaults.Fields[f.Name].U.Clone()).ToArray();
        var prior = 0.1;
        var total = patterns.Values.Sum();
        for (var iteration = 0; iteration < MaxIterations && total > 0; iteration++)
        {
            var sums = fields.Select(f => new double[f.Levels.Count]).ToArray();
            var matchTotal = 0.0;
            foreach (var (pattern, count) in patterns)
            {
                var levels = Decode(pattern, fields.Count);
                double pm = prior, pu = 1 - prior;
                for (var i = 0; i < levels.Length; i++)
                {
                    if (levels[i] >= 0)
                    {
                        pm *= m[i][levels[i]];
                        pu *= uProbabilities[i][levels[i]];
                    }
                }

                var posterior = pm / (pm + pu);
                matchTotal += posterior * count;
                for (var i = 0; i < levels.Length; i++)
                {
                    if (levels[i] >= 0)
                    {
                        sums[i][levels[i]] += posterior * count;
                    }
                }
            }

            var change = 0.0;
            for (var i = 0; i < fields.Count; i++)
            {
                var observed = sums[i].Sum();
                if (observed < MinObservations * 0.1)
                {
                    continue;
                }

                for (var level = 0; level < sums[i].Length; level++)
                {
                    var estimate = (sums[i][level] + 0.01) / (observed + (0.01 * sums[i].Length));
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

        var model = new Dictionary<string, FieldModel>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            model[fields[i].Name] = new FieldModel
            {
                M = m[i],
                U = uProbabilities[i],
                TermFrequencies = frequencies[i],
                SingleShare = 1.0 / ordered.Length,
            };
        }

        return new MatchModel
        {
            Version = "em-" + StableHash(string.Join('|', ordered.Select(r => r.RecordKey + "@" + r.Version))).ToString("x16", CultureInfo.InvariantCulture),
            Origin = $"estimated without labels from {ordered.Length} records ({total} candidate pairs, {Math.Min(RandomPairs, Pairs(ordered.Length))} random pairs)",
            Prior = prior,
            Fields = model,
        };
    }

    /// <summary>The value each field compares at its exact level (the one weighted by rarity).</summary>
    public static string?[] ExactValues(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return
        [
            features.Name.Given, features.Name.Family, features.BirthDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture), features.NationalId,
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

    private static Dictionary<long, int> CandidatePatterns(MatchFeatures[] records, int maxBlockSize)
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

        var estimate = blocks.Values.Where(b => b.Count <= maxBlockSize).Sum(b => (long)b.Count * (b.Count - 1) / 2);
        var keepOneIn = Math.Max(1, estimate / CandidatePairs);
        var seen = new HashSet<long>();
        var patterns = new Dictionary<long, int>();
        foreach (var members in blocks.Values)
        {
            if (members.Count > maxBlockSize)
            {
                continue;
            }

            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    var pair = ((long)members[x] << 32) | (uint)members[y];
                    if ((keepOneIn > 1 && (ulong)StableHash(pair) % (ulong)keepOneIn != 0) || !seen.Add(pair))
                    {
                        continue;
                    }

                    var comparison = PairComparer.Compare(records[members[x]], records[members[y]]);
                    if (comparison.DifferentPartyTypes)
                    {
                        continue;
                    }

                    var pattern = Encode(comparison.Levels);
                    patterns[pattern] = patterns.GetValueOrDefault(pattern) + 1;
                }
            }
        }

        return patterns;
    }

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
