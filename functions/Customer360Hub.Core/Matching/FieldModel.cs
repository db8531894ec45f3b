namespace Customer360Hub.Matching;

/// <summary>
/// Fellegi-Sunter parameters of one field: per comparison level, m = P(level | same person) and
/// u = P(level | different people). <see cref="TermFrequencies"/> holds how often the most common
/// values occur (share of records), so agreeing on a common value counts less than on a rare one.
/// </summary>
public sealed class FieldModel
{
    public required double[] M { get; init; }

    public required double[] U { get; init; }

    /// <summary>Share of records holding each frequent value; values not listed are taken as seen once.</summary>
    public Dictionary<string, double>? TermFrequencies { get; init; }

    /// <summary>The share of one record among all those the frequencies were counted on (1 / records).</summary>
    public double SingleShare { get; init; }
}
