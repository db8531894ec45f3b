namespace Customer360Hub.Cli.Evaluation;

/// <summary>
/// Pairwise precision, recall and F1 of a clustering against the truth: a pair of records is
/// predicted when both are in one profile and true when both belong to one real entity.
/// </summary>
internal sealed record PairwiseScore(long Records, long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores predicted against true cluster labels of the same records (counted from the contingency table, not pair by pair).</summary>
    public static PairwiseScore Of(IReadOnlyList<(string Predicted, string Truth)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        static long Pairs(long n) => n * (n - 1) / 2;
        var predicted = labels.GroupBy(l => l.Predicted, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var truth = labels.GroupBy(l => l.Truth, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var correct = labels.GroupBy(l => (l.Predicted, l.Truth)).Sum(g => Pairs(g.Count()));
        return new PairwiseScore(labels.Count, truth, predicted, correct);
    }
}
