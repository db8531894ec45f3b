using System.Diagnostics.Metrics;
using System.Net;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Connectors.UnitTests.Sdk;

public sealed class ConnectorSchedulerTests
{
    [Fact]
    public async Task SyncOnceAsync_SuccessThenFailure_PersistsHealthAndEmitsMetrics()
    {
        await using var harness = await ConnectorHarness.StartAsync(SourceNames.Zendesk);
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        var meters = harness.Get<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this harness's meter: other tests sync in parallel on meters of the same name.
            if (instrument.Meter.Name == ConnectorMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.Start();
        var scheduler = harness.Get<ConnectorScheduler>();

        var result = await scheduler.SyncOnceAsync(harness.Registration, CancellationToken.None);
        harness.Sandbox.Faults.FailNext(100, HttpStatusCode.InternalServerError);
        var failed = await scheduler.SyncOnceAsync(harness.Registration, CancellationToken.None);
        listener.RecordObservableInstruments();

        Assert.NotNull(result);
        Assert.Null(failed);
        var status = Assert.Single(await harness.Get<IConnectorStatusStore>().ListAsync());
        Assert.Equal(SourceNames.Zendesk, status.Source);
        Assert.Equal(result.Changes, status.Records);
        Assert.Equal(result.Pages, status.Pages);
        Assert.Equal(1, status.Errors);
        Assert.NotNull(status.LastSuccessAt);
        Assert.Contains("500", status.LastError, StringComparison.Ordinal);
        Assert.Equal(result.Changes, measured["c360.connector.records"]);
        Assert.Equal(result.Pages, measured["c360.connector.pages"]);
        Assert.Equal(1, measured["c360.connector.errors"]);
        Assert.True(measured.ContainsKey("c360.connector.sync.duration"));
        Assert.True(measured.ContainsKey("c360.connector.lag"));
    }
}
