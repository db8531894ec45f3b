namespace Customer360Hub.Scoring;

/// <summary>The factors of the health model; each is the mean of its metrics' scores.</summary>
public static class HealthFactors
{
    public const string Usage = "usage";
    public const string Support = "support";
    public const string Payment = "payment";
    public const string Engagement = "engagement";
    public const string Contract = "contract";
    public const string Sentiment = "sentiment";

    public static IReadOnlyList<string> All { get; } = [Usage, Support, Payment, Engagement, Contract, Sentiment];

    /// <summary>How a factor is named in sentences.</summary>
    public static string Describe(string factor) => factor switch
    {
        Usage => "product usage",
        Support => "support load",
        Payment => "payment behaviour",
        Engagement => "engagement",
        Contract => "contract status",
        Sentiment => "satisfaction (CSAT, NPS)",
        _ => factor,
    };
}
