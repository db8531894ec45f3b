namespace Customer360Hub.Scoring;

/// <summary>One point of a metric's curve: a measured value and the score (0 to 1) it earns.</summary>
public sealed record CurvePoint(double Value, double Score)
{
    /// <summary>The score of <paramref name="value"/> on the curve: linear between points, flat beyond the ends.</summary>
    public static double Evaluate(IReadOnlyList<CurvePoint> curve, double value)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (value <= curve[0].Value)
        {
            return curve[0].Score;
        }

        for (var i = 1; i < curve.Count; i++)
        {
            var (low, high) = (curve[i - 1], curve[i]);
            if (value <= high.Value)
            {
                return low.Score + ((high.Score - low.Score) * (value - low.Value) / (high.Value - low.Value));
            }
        }

        return curve[^1].Score;
    }
}
