namespace Customer360Hub.Scoring;

/// <summary>The health of one segment (or the whole portfolio): counts per band, a histogram and totals.</summary>
public sealed record SegmentSummary
{
    public int Customers { get; init; }

    /// <summary>Customers with a score (the rest had no data).</summary>
    public int Scored { get; init; }

    public double? AverageScore { get; init; }

    public Dictionary<string, int> Bands { get; init; } = [];

    /// <summary>Customers per ten points: [0-9], [10-19], ... [90-100].</summary>
    public int[] Histogram { get; init; } = new int[10];

    /// <summary>ARR and risk amounts in the reporting currency (amounts in currencies without a rate are left out).</summary>
    public decimal Arr { get; init; }

    public decimal RiskAmount { get; init; }

    /// <summary>Customers per signal kind.</summary>
    public Dictionary<string, int> Signals { get; init; } = [];
}
