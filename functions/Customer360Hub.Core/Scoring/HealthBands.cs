namespace Customer360Hub.Scoring;

/// <summary>The bands of the health score.</summary>
public static class HealthBands
{
    public const string Green = "green";
    public const string Yellow = "yellow";
    public const string Red = "red";

    /// <summary>No factor had data: there is no score.</summary>
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Green, Yellow, Red, Unknown];
}
