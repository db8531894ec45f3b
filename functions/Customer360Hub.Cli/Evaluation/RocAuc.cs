namespace Customer360Hub.Cli.Evaluation;

/// <summary>
/// The area under the ROC curve: the chance that a random positive gets a higher risk than a
/// random negative, ties counting half (the Mann-Whitney statistic over both group sizes).
/// </summary>
internal static class RocAuc
{
    /// <summary>AUC of <paramref name="risk"/> separating positives from negatives; NaN when a group is empty.</summary>
    public static double Of(IReadOnlyCollection<double> positives, IReadOnlyCollection<double> negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return double.NaN;
        }

        var all = positives.Select(v => (Value: v, Positive: true)).Concat(negatives.Select(v => (Value: v, Positive: false))).OrderBy(x => x.Value).ToList();
        double positiveRanks = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j < all.Count && all[j].Value.Equals(all[i].Value))
            {
                j++;
            }

            // Ranks i+1..j share their mean.
            var rank = (i + 1 + j) / 2.0;
            positiveRanks += rank * all.Skip(i).Take(j - i).Count(x => x.Positive);
            i = j;
        }

        double p = positives.Count, n = negatives.Count;
        return (positiveRanks - (p * (p + 1) / 2)) / (p * n);
    }
}
