using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>
/// The daily co-occurrence batch: counts, per segment, how many customers hold each product and
/// each pair of products (from the scores' holdings), and keeps the rules "of the customers
/// holding A, this share also holds B" that reach the configured confidence and holder count.
/// Similar customers are customers of the same segment.
/// </summary>
public sealed class CoOccurrenceJob(HubStore store, ExpansionRuleCache cache, IOptions<SignalOptions> signals, IOptions<JobOptions> options, TimeProvider time) : IScheduledJob
{
    public const string JobName = "cooccurrence";

    public string Name => JobName;

    public TimeSpan DueAt => options.Value.CoOccurrenceAt;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var holders = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var pairs = new Dictionary<string, Dictionary<(string If, string Then), int>>(StringComparer.Ordinal);
        var customers = 0;
        await foreach (var stored in store.Scores.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            var score = stored.Document;
            customers++;
            var products = score.Products.Distinct(StringComparer.Ordinal).ToList();
            var single = Bucket(holders, score.Segment);
            var pair = Bucket(pairs, score.Segment);
            foreach (var a in products)
            {
                single[a] = single.GetValueOrDefault(a) + 1;
                foreach (var b in products.Where(b => b != a))
                {
                    pair[(a, b)] = pair.GetValueOrDefault((a, b)) + 1;
                }
            }
        }

        var settings = signals.Value;
        var ruleSet = new ExpansionRuleSet
        {
            ComputedAt = time.GetUtcNow(),
            Customers = customers,
            Segments = pairs.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(
                segment => segment.Key,
                segment => segment.Value
                    .Select(p => (p.Key.If, p.Key.Then, Holders: holders[segment.Key][p.Key.If], Together: p.Value))
                    .Where(r => r.Holders >= settings.ExpansionMinHolders && r.Together / (double)r.Holders >= settings.ExpansionMinConfidence)
                    .Select(r => new ExpansionRule(r.If, r.Then, r.Holders, r.Together, Math.Round(r.Together / (double)r.Holders, 3)))
                    .OrderByDescending(r => r.Confidence).ThenByDescending(r => r.Holders).ThenBy(r => r.If, StringComparer.Ordinal).ThenBy(r => r.Then, StringComparer.Ordinal)
                    .ToList(),
                StringComparer.Ordinal),
        };
        await store.Documents.WriteAsync([store.ExpansionRules.Upsert(new DocumentKey(ExpansionRuleSet.Partition, ExpansionRuleSet.DocumentId), ruleSet)], cancellationToken).ConfigureAwait(false);
        cache.Set(ruleSet);
        return ruleSet.Segments.Values.Sum(r => r.Count);
    }

    private static Dictionary<TKey, int> Bucket<TKey>(Dictionary<string, Dictionary<TKey, int>> map, string segment)
        where TKey : notnull
    {
        if (!map.TryGetValue(segment, out var bucket))
        {
            map[segment] = bucket = [];
        }

        return bucket;
    }
}
