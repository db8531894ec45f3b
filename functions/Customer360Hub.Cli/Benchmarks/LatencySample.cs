using System.Diagnostics;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>Latencies of one kind of operation, thread-safe, with nearest-rank percentiles.</summary>
internal sealed class LatencySample
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();
    private long _errors;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _milliseconds.Count;
            }
        }
    }

    public long Errors => Interlocked.Read(ref _errors);

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void AddSince(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Failed() => Interlocked.Increment(ref _errors);

    /// <summary>The nearest-rank percentile (0..100); NaN when nothing was recorded.</summary>
    public double Percentile(double percent)
    {
        lock (_gate)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToList();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }
}
