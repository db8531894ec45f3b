namespace Customer360Hub.Scoring;

/// <summary>A metric as scored: its value, the score its curve gives (0 to 1) and the state in words.</summary>
public sealed record MetricReading(string Metric, double Value, double Score, string Text);
