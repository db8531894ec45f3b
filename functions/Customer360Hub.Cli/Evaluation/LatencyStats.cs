namespace Customer360Hub.Cli.Evaluation;

/// <summary>Percentiles of a set of latencies in seconds (nearest rank).</summary>
internal sealed record LatencyStats(int Count, double P50, double P90, double P99, double Max)
{
    public static LatencyStats? Of(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, At(0.5), At(0.9), At(0.99), sorted[^1]);
    }
}
