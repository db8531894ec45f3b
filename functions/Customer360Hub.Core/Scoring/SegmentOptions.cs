namespace Customer360Hub.Scoring;

/// <summary>
/// A segment of the portfolio with its own health model. A profile belongs to the first segment
/// whose conditions it meets; one that meets none belongs to the last.
/// </summary>
public sealed class SegmentOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Only profiles of this party type (<c>person</c> or <c>organization</c>); empty: any.</summary>
    public string? PartyType { get; set; }

    /// <summary>Only profiles with at least this ARR, in the reporting currency; empty: any.</summary>
    public decimal? MinArr { get; set; }

    /// <summary>Factor weights (<c>usage</c>, <c>support</c>, <c>payment</c>, <c>engagement</c>, <c>contract</c>, <c>sentiment</c>); relative, any scale.</summary>
    public Dictionary<string, double> Weights { get; set; } = [];

    public bool Matches(string? partyType, decimal arr) =>
        (string.IsNullOrEmpty(PartyType) || string.Equals(PartyType, partyType, StringComparison.OrdinalIgnoreCase))
        && (MinArr is not { } min || arr >= min);
}
