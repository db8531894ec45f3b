namespace Customer360Hub.Matching;

/// <summary>
/// How scores become decisions. Scores are log2 odds that the two records are the same party
/// (prior plus field weights), so 0 is even odds and every 3.3 bits is a factor of ten.
/// </summary>
public sealed record MatchPolicy
{
    /// <summary>At or above: linked into one profile. 2 bits is a posterior of 0.8 that the two are one party.</summary>
    public double LinkThreshold { get; init; } = 2;

    /// <summary>At or above (and below the link threshold): a possible match for steward review (-4 bits is a posterior of about 0.06).</summary>
    public double ReviewThreshold { get; init; } = -4;

    /// <summary>Fields whose exact agreement links on its own when nothing says the two are different people.</summary>
    public IReadOnlySet<string> TrustedIdentifiers { get; init; } = new HashSet<string>(StringComparer.Ordinal) { MatchField.NationalId.Name, MatchField.Email.Name };

    /// <summary>Most bits a rare value may add over the field's average exact-agreement weight.</summary>
    public double MaxRareValueBonus { get; init; } = 4;

    /// <summary>Most bits a common value may take off the field's average exact-agreement weight.</summary>
    public double MaxCommonValuePenalty { get; init; } = 10;

    /// <summary>
    /// Bits for two organisation records whose contacts include the same person: about
    /// log2(0.7 / 0.0001), as two records of one organisation share a contact most of the time
    /// when both list contacts, and a person is a contact of two organisations very rarely.
    /// </summary>
    public double SharedContactWeight { get; init; } = 12.8;

    /// <summary>Bits for two organisation records that both list contacts and share none: about log2(0.3).</summary>
    public double NoSharedContactWeight { get; init; } = -1.7;

    public static MatchPolicy Default { get; } = new();
}
