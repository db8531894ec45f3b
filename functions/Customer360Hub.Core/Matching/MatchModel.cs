namespace Customer360Hub.Matching;

/// <summary>
/// The parameters of the probabilistic matcher: m and u per field and level, term frequencies,
/// and the prior share of matches among candidate pairs. Either the built-in defaults or
/// estimated from the data without labels (<see cref="ModelTrainer"/>). Decisions are a pure
/// function of two records and the model, which keeps resolution independent of arrival order.
/// </summary>
public sealed class MatchModel
{
    public required string Version { get; init; }

    /// <summary>How the parameters were obtained, for explanations ("defaults", "em on 5000 records").</summary>
    public required string Origin { get; init; }

    /// <summary>The probability that two records drawn at random are the same party (about duplicates per record over records).</summary>
    public required double Prior { get; init; }

    /// <summary>Parameters by field name (<see cref="MatchField.Name"/>).</summary>
    public required Dictionary<string, FieldModel> Fields { get; init; }

    /// <summary>
    /// Blocking keys held by more records than the block size cap where the model was estimated
    /// (a frequent given name, a shared switchboard): too common to find candidates with, so
    /// records neither index nor look them up. A pure function of the model, like every decision.
    /// </summary>
    public HashSet<string> CommonKeys { get; init; } = [];

    /// <summary>Prior-odds weight in bits.</summary>
    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    /// <summary>Hand-set parameters that suit typical customer data; used until a model is trained.</summary>
    public static MatchModel Default { get; } = new()
    {
        Version = "default-1",
        Origin = "defaults",
        // About one duplicate per record in a population of a million records.
        Prior = 1e-6,
        Fields = new Dictionary<string, FieldModel>(StringComparer.Ordinal)
        {
            [MatchField.GivenName.Name] = Make([0.80, 0.04, 0.08, 0.04, 0.04], [0.005, 0.001, 0.004, 0.03, 0.96]),
            [MatchField.FamilyName.Name] = Make([0.85, 0.08, 0.03, 0.04], [0.003, 0.003, 0.01, 0.984]),
            [MatchField.BirthDate.Name] = Make([0.88, 0.07, 0.02, 0.025, 0.005], [0.0002, 0.002, 0.015, 0.5, 0.4828]),
            [MatchField.NationalId.Name] = Make([0.92, 0.05, 0.03], [0.00001, 0.0005, 0.99949]),
            [MatchField.Email.Name] = Make([0.85, 0.07, 0.08], [0.00001, 0.0003, 0.99969]),
            [MatchField.Phone.Name] = Make([0.80, 0.06, 0.14], [0.0001, 0.0005, 0.9994]),
            [MatchField.Address.Name] = Make([0.75, 0.12, 0.05, 0.08], [0.0005, 0.002, 0.01, 0.9875]),
            [MatchField.City.Name] = Make([0.85, 0.06, 0.09], [0.02, 0.01, 0.97]),
            [MatchField.Postcode.Name] = Make([0.85, 0.06, 0.09], [0.005, 0.02, 0.975]),
            [MatchField.Region.Name] = Make([0.95, 0.05], [0.25, 0.75]),
            [MatchField.Company.Name] = Make([0.80, 0.10, 0.05, 0.05], [0.001, 0.003, 0.01, 0.986]),
        },
    };

    private static FieldModel Make(double[] m, double[] u) => new() { M = m, U = u };
}
