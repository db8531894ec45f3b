namespace Customer360Hub.Scoring;

/// <summary>A metric measured on a profile's aggregates: its value and the state in words.</summary>
public sealed record Measure(string Metric, double Value, string Text);
