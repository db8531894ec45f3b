namespace Customer360Hub.Scoring;

/// <summary>
/// Something about a customer worth acting on, with the suggested next step. <see cref="Condition"/>
/// names the condition for de-duplicating alerts (the kind, plus the product or date it is about).
/// </summary>
public sealed record HealthSignal
{
    public required string Kind { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Severity { get; init; }

    public required string Title { get; init; }

    public required string Detail { get; init; }

    public required string NextStep { get; init; }

    public required string Condition { get; init; }

    /// <summary>Since when the condition holds without a break (carried over from score to score).</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Churn risk: the amount at risk; expansion: none.</summary>
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    /// <summary>Expansion: the product recommended.</summary>
    public string? Product { get; init; }

    /// <summary>Expansion: how many similar customers holding the same product also hold the recommended one.</summary>
    public double? Confidence { get; init; }

    /// <summary>Data check: the record the drop hinges on.</summary>
    public string? RecordKey { get; init; }
}
