namespace Customer360Hub.Scoring;

/// <summary>A row of the churn probability mapping: health scores up to <see cref="UpTo"/> churn with <see cref="Probability"/>.</summary>
public sealed class ChurnBand
{
    /// <summary>The highest health score (inclusive) of the row.</summary>
    public int UpTo { get; set; }

    /// <summary>The probability, 0 to 1, that a customer with such a score churns before the next renewal.</summary>
    public double Probability { get; set; }
}
