using Customer360Hub.Profiles;

namespace Customer360Hub.Scoring;

/// <summary>Adds scores up into segment summaries (the live distribution and the daily summary).</summary>
public sealed class PortfolioTally
{
    private readonly Dictionary<string, Accumulator> _segments = new(StringComparer.Ordinal);
    private readonly Accumulator _total = new();

    public void Add(ProfileScore score, string reportingCurrency)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (!_segments.TryGetValue(score.Segment, out var segment))
        {
            _segments[score.Segment] = segment = new Accumulator();
        }

        segment.Add(score, reportingCurrency);
        _total.Add(score, reportingCurrency);
    }

    public SegmentSummary Total => _total.ToSummary();

    public Dictionary<string, SegmentSummary> Segments =>
        _segments.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value.ToSummary(), StringComparer.Ordinal);

    private sealed class Accumulator
    {
        private readonly int[] _histogram = new int[10];
        private readonly Dictionary<string, int> _bands = HealthBands.All.ToDictionary(b => b, _ => 0, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _signals = new(StringComparer.Ordinal);
        private int _customers;
        private int _scored;
        private long _sum;
        private decimal _arr;
        private decimal _risk;

        public void Add(ProfileScore score, string reportingCurrency)
        {
            _customers++;
            _bands[score.Band] = _bands.GetValueOrDefault(score.Band) + 1;
            if (score.Score is { } value)
            {
                _scored++;
                _sum += value;
                _histogram[Math.Min(9, value / 10)]++;
            }

            if (score.Currency == reportingCurrency)
            {
                _arr += score.Arr;
                _risk += score.RiskAmount ?? 0;
            }

            foreach (var kind in score.Signals.Select(s => s.Kind).Distinct(StringComparer.Ordinal))
            {
                _signals[kind] = _signals.GetValueOrDefault(kind) + 1;
            }
        }

        public SegmentSummary ToSummary() => new()
        {
            Customers = _customers,
            Scored = _scored,
            AverageScore = _scored == 0 ? null : Math.Round(_sum / (double)_scored, 1),
            Bands = new Dictionary<string, int>(_bands, StringComparer.Ordinal),
            Histogram = (int[])_histogram.Clone(),
            Arr = _arr,
            RiskAmount = _risk,
            Signals = _signals.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
        };
    }
}
