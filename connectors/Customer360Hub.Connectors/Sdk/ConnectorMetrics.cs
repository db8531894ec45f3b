using System.Diagnostics.Metrics;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>Connector instruments on the meter <see cref="MeterName"/>, tagged with the source.</summary>
public sealed class ConnectorMetrics
{
    public const string MeterName = "Customer360Hub.Connectors";

    private readonly Counter<long> _pages;
    private readonly Counter<long> _records;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    public ConnectorMetrics(IMeterFactory meterFactory, ConnectorStatusBoard board, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(board);
        var meter = meterFactory.Create(MeterName);
        _pages = meter.CreateCounter<long>("c360.connector.pages", "{page}", "Raw pages pulled and archived.");
        _records = meter.CreateCounter<long>("c360.connector.records", "{record}", "Changes published to the bus.");
        _quarantined = meter.CreateCounter<long>("c360.connector.quarantined", "{record}", "Records quarantined with a reason.");
        _errors = meter.CreateCounter<long>("c360.connector.errors", "{error}", "Sync passes that failed.");
        _duration = meter.CreateHistogram<double>("c360.connector.sync.duration", "s", "Duration of a sync pass.");
        meter.CreateObservableGauge("c360.connector.lag", () => board.Current.Where(s => s.LastSuccessAt is not null)
            .Select(s => new Measurement<double>(s.LagAt(time.GetUtcNow())!.Value.TotalSeconds, new KeyValuePair<string, object?>("source", s.Source))), "s", "Time since the last successful sync pass.");
    }

    public void Page(string source, int published, int quarantined)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        _pages.Add(1, tag);
        _records.Add(published, tag);
        _quarantined.Add(quarantined, tag);
    }

    public void Synced(string source, TimeSpan duration) => _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("source", source));

    public void Failed(string source) => _errors.Add(1, new KeyValuePair<string, object?>("source", source));
}
