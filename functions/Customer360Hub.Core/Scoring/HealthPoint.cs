namespace Customer360Hub.Scoring;

/// <summary>One day of a profile's health history: the day's last score with its low and high.</summary>
public sealed record HealthPoint(DateOnly Day, int? Score, int? Low, int? High, string Band, double Confidence);
