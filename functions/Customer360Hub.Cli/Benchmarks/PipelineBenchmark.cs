using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// <c>c360 bench</c>: the whole hub on the embedded ports (sandbox, connectors, bus, resolver,
/// scorer, store, API) over a sample world of a given size, measured end to end, then the ceiling
/// runs in the same invocation. Phases: ingest the world's history while readers call the API;
/// accuracy and size of what was built; a freshness phase with the world changing at a set rate;
/// the store-only ceiling over the same changes.
/// </summary>
internal sealed class PipelineBenchmark(PipelineBenchmarkOptions options, TextWriter output)
{
    private static readonly string[] Connectors = ["BusinessCentral", "Stripe", "Zendesk", "HubSpot", "Salesforce", "Graph", "FileDrop"];

    /// <summary>World ticks per second in the freshness phase: the offered rate arrives in this many steps a second.</summary>
    private const int TicksPerSecond = 20;

    private const int BatchSize = 256;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "c360-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var report = await MeasureAsync(folder, cancellationToken).ConfigureAwait(false);
            await PrintAsync(report).ConfigureAwait(false);
            await File.WriteAllTextAsync(options.OutputFile, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Wrote {Path.GetFullPath(options.OutputFile)}").ConfigureAwait(false);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<BenchReport> MeasureAsync(string folder, CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var key = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var recorder = new PipelineRecorder(Path.Combine(folder, "changes.bin"));
        var profiles = new LatencySample();
        var statics = new LatencySample();
        var extension = new LocalHubExtension(
            PublishTap.Around(recorder.OnPublished),
            endpoints => endpoints.MapGet(ApiReaders.StaticPath, () => Results.Bytes(ApiReaders.StaticBody, "application/json; charset=utf-8")));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"c360 bench: {options.Customers:N0} customers; ingesting the sample world's history...")).ConfigureAwait(false);

        BenchIngest ingest;
        BenchFreshness freshness;
        BenchStore store;
        BenchIdentity identity;
        long peak;
        var cpuBefore = CpuTime();
        var started = Stopwatch.GetTimestamp();
        await using (var hub = await LocalHub.StartAsync([], Settings(Path.Combine(folder, "hub"), key), extension, cancellationToken).ConfigureAwait(false))
        {
            // Ctrl+C stops the hub's host; the benchmark stops with it.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hub.Stopping);
            var running = stopping.Token;
            var bus = hub.Services.GetRequiredService<SqliteChangeBus>();
            var http = hub.Services.GetRequiredService<IHttpClientFactory>().CreateClient("c360-bench");
            http.BaseAddress = hub.ApiUrl;
            http.DefaultRequestHeaders.Add("X-Api-Key", key);

            using (var stopReading = CancellationTokenSource.CreateLinkedTokenSource(running))
            {
                var readers = ApiReaders.RunAsync(http, recorder, options.Readers, options.ReadsPerSecond, profiles, statics, stopReading.Token);
                var progress = ProgressAsync(bus, started, stopReading.Token);
                var ingested = await IngestWatch.WaitAsync(hub, options.Timeout, running).ConfigureAwait(false);
                var cpu = CpuTime() - cpuBefore;
                await stopReading.CancelAsync().ConfigureAwait(false);
                await readers.ConfigureAwait(false);
                await progress.ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(started, ingested).TotalSeconds;
                var changes = bus.Enqueued(Topics.SourceChanges);
                ingest = new BenchIngest(changes, seconds, changes / seconds, cpu.TotalMilliseconds / Math.Max(1, changes), bus.Enqueued(Topics.ProfileChanges));
            }

            peak = PeakWorkingSet();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Ingested {ingest.Changes:N0} changes in {ingest.Seconds:N1} s. Scoring identity and sizing the store...")).ConfigureAwait(false);
            var hubStore = hub.Services.GetRequiredService<HubStore>();
            var score = await IdentityAccuracy.ScoreAsync(hubStore, hub.Sandbox!.World, running).ConfigureAwait(false);
            identity = new BenchIdentity(score.Records, score.Precision, score.Recall, score.F1);
            store = await SizeAsync(hubStore, hub.Services.GetRequiredService<SqliteDocumentStore>(), hub.Services.GetRequiredService<DataFolder>(), running).ConfigureAwait(false);

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Freshness: the world changes at {options.Rate:N0} changes/s for {options.FreshnessDuration.TotalSeconds:N0} s...")).ConfigureAwait(false);
            freshness = await FreshnessAsync(hub, bus, http, recorder, running).ConfigureAwait(false);
            peak = Math.Max(peak, PeakWorkingSet());
        }

        recorder.Flush();
        await output.WriteLineAsync("Ceiling (a): the same changes parsed and written to a fresh store, without resolution...").ConfigureAwait(false);
        var cpuCeiling = CpuTime();
        var (ceilingChanges, ceilingSeconds) = await StoreOnlyCeiling.RunAsync(recorder.ChangesFile, Path.Combine(folder, "ceiling"), BatchSize, cancellationToken).ConfigureAwait(false);
        var ceiling = new BenchIngest(ceilingChanges, ceilingSeconds, ceilingChanges / ceilingSeconds, (CpuTime() - cpuCeiling).TotalMilliseconds / Math.Max(1, ceilingChanges));

        var api = Latency(profiles);
        var staticEndpoint = Latency(statics);
        return new BenchReport(
            "c360 " + string.Join(' ', options.Arguments),
            DateTimeOffset.UtcNow,
            new BenchMachine(Environment.ProcessorCount, CpuModel(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, loadBefore, LoadAverage()),
            options.Customers,
            ingest,
            freshness,
            api,
            staticEndpoint,
            peak,
            store,
            identity,
            ceiling,
            new BenchRatios(ingest.ChangesPerSecond / ceiling.ChangesPerSecond, api.P50Milliseconds / staticEndpoint.P50Milliseconds, api.P99Milliseconds / staticEndpoint.P99Milliseconds));
    }

    /// <summary>
    /// The world moves on at the offered rate while probes watch sampled changes appear in the API,
    /// and every change's pull-to-commit time is taken from the resolver's lag metric.
    /// </summary>
    private async Task<BenchFreshness> FreshnessAsync(LocalHub hub, SqliteChangeBus bus, HttpClient http, PipelineRecorder recorder, CancellationToken cancellationToken)
    {
        var committed = new LatencySample();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, HubTelemetry.ResolverLag))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => committed.Add(seconds * 1000));
        listener.Start();

        var api = new LatencySample();
        recorder.StartProbing(TimeSpan.FromMilliseconds(200));
        var probes = FreshnessProbe.RunAsync(http, recorder, 4, api, TimeProvider.System);
        var pulledBefore = bus.Enqueued(Topics.SourceChanges);
        var started = Stopwatch.GetTimestamp();
        var applied = 0L;
        while (Stopwatch.GetElapsedTime(started) < options.FreshnessDuration)
        {
            var due = options.Rate * Stopwatch.GetElapsedTime(started).TotalSeconds;
            while (applied < due)
            {
                applied += await hub.Sandbox!.AdvanceAsync(cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(1000 / TicksPerSecond, cancellationToken).ConfigureAwait(false);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var pulled = bus.Enqueued(Topics.SourceChanges) - pulledBefore;
        recorder.StopProbing();
        await IngestWatch.WaitAsync(hub, options.Timeout, cancellationToken).ConfigureAwait(false);
        var unseen = await probes.ConfigureAwait(false);
        listener.Dispose();
        return new BenchFreshness(
            options.Rate,
            pulled / seconds,
            seconds,
            api.Count,
            unseen,
            api.Percentile(50),
            api.Percentile(99),
            committed.Count,
            committed.Percentile(50),
            committed.Percentile(99));
    }

    private Dictionary<string, string?> Settings(string dataFolder, string key)
    {
        // A tick of the world brings Rate / TicksPerSecond changes in the freshness phase.
        var changeRate = Math.Clamp(options.Rate / (double)TicksPerSecond / options.Customers, 0, 1);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Embedded:DataFolder"] = dataFolder,
            ["Api:Port"] = "0",
            ["Api:Keys:0:Name"] = "bench",
            ["Api:Keys:0:Key"] = key,
            ["Api:Keys:0:Role"] = "admin",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:TickInterval"] = "00:00:00",
            ["Sandbox:World:Customers"] = options.Customers.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:World:ChangeRate"] = changeRate.ToString("R", CultureInfo.InvariantCulture),
            ["Bus:Consumer:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Bus:Consumer:IdleWait"] = "00:00:00.050",
            ["Bus:Consumer:Workers"] = options.Workers.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var connector in Connectors)
        {
            settings[$"Connectors:{connector}:Interval"] = "00:00:00.250";
            settings[$"Connectors:{connector}:PageSize"] = "1000";
        }

        return settings;
    }

    private static async Task<BenchStore> SizeAsync(HubStore store, SqliteDocumentStore documents, DataFolder folder, CancellationToken cancellationToken)
    {
        var live = 0L;
        await foreach (var profile in store.Profiles.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            live += profile.Document.RedirectTo is null ? 1 : 0;
        }

        var bytes = new[] { "store.db", "store.db-wal" }.Select(folder.PathOf).Where(File.Exists).Sum(f => new FileInfo(f).Length);
        var perProfile = (double)Math.Max(1, live);
        var containers = documents.SizeByContainer().ToDictionary(c => c.Key, c => new BenchContainer(c.Value.Documents, c.Value.BodyBytes, c.Value.BodyBytes / perProfile), StringComparer.Ordinal);
        return new BenchStore(bytes, live, bytes / perProfile, containers);
    }

    /// <summary>A line every 30 s, so a long run shows it is alive.</summary>
    private async Task ProgressAsync(SqliteChangeBus bus, long started, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s: {bus.Enqueued(Topics.SourceChanges):N0} changes pulled, {bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription):N0} waiting for the resolver")).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Ingest is over.
        }
    }

    private async Task PrintAsync(BenchReport r)
    {
        static string N(double value, string format = "N0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
        var rows = new List<(string, string)>
        {
            ("customers", N(r.Customers)),
            ("source changes ingested", N(r.Ingest.Changes)),
            ("profile changes announced (scorer and indexer messages)", $"{N(r.Ingest.ProfileChanges)} ({N(r.Ingest.ProfileChanges / (double)Math.Max(1, r.Ingest.Changes), "N2")} per source change)"),
            ("ingest, end to end", $"{N(r.Ingest.ChangesPerSecond)} changes/s ({N(r.Ingest.Seconds, "N1")} s; {N(r.Ingest.CpuMillisecondsPerChange, "N2")} ms CPU per change)"),
            ("ceiling (a): parse and store only", $"{N(r.StoreOnlyCeiling.ChangesPerSecond)} changes/s ({N(r.StoreOnlyCeiling.Seconds, "N1")} s; {N(r.StoreOnlyCeiling.CpuMillisecondsPerChange, "N2")} ms CPU per change)"),
            ("ingest / ceiling (a)", N(r.Ratios.IngestToCeiling, "P1")),
            ($"freshness via the API, world at {N(r.Freshness.OfferedChangesPerSecond)} changes/s ({N(r.Freshness.PulledChangesPerSecond)} pulled/s)", $"p50 {N(r.Freshness.ApiP50Milliseconds)} ms, p99 {N(r.Freshness.ApiP99Milliseconds)} ms ({r.Freshness.ApiProbes} probes, {r.Freshness.ApiProbesNeverSeen} never seen)"),
            ("pull to commit, every change of that phase", $"p50 {N(r.Freshness.CommitP50Milliseconds)} ms, p99 {N(r.Freshness.CommitP99Milliseconds)} ms ({N(r.Freshness.Committed)} changes)"),
            ("API GET profile while ingesting", $"p50 {N(r.Api.P50Milliseconds, "N1")} ms, p99 {N(r.Api.P99Milliseconds, "N1")} ms ({N(r.Api.Requests)} requests, {r.Api.Errors} errors)"),
            ("ceiling (b): static endpoint, same host, same time", $"p50 {N(r.StaticEndpoint.P50Milliseconds, "N1")} ms, p99 {N(r.StaticEndpoint.P99Milliseconds, "N1")} ms ({N(r.StaticEndpoint.Requests)} requests)"),
            ("API / ceiling (b)", $"p50 x{N(r.Ratios.ApiP50ToStatic, "N1")}, p99 x{N(r.Ratios.ApiP99ToStatic, "N1")}"),
            ("peak memory (working set)", $"{N(r.PeakWorkingSetBytes / 1048576.0)} MiB"),
            ("store size", $"{N(r.Store.BytesPerProfile)} bytes per profile ({N(r.Store.Profiles)} profiles, {N(r.Store.Bytes / 1048576.0)} MiB)"),
            ("document bytes per profile, by container", string.Join(", ", r.Store.Containers.OrderByDescending(c => c.Value.BodyBytes).Select(c => $"{c.Key} {N(c.Value.BodyBytesPerProfile)}"))),
            ("identity vs the world's truth", $"F1 {N(r.Identity.F1, "N3")} (precision {N(r.Identity.Precision, "N3")}, recall {N(r.Identity.Recall, "N3")}, {N(r.Identity.Records)} party records)"),
            ("machine", $"{r.Machine.Cores} cores, {r.Machine.Cpu}; load average {N(r.Machine.LoadBefore, "N1")} before, {N(r.Machine.LoadAfter, "N1")} after"),
        };
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("| figure | value |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---|").ConfigureAwait(false);
        foreach (var (figure, value) in rows)
        {
            await output.WriteLineAsync($"| {figure} | {value} |").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }

    private static BenchLatency Latency(LatencySample sample) => new(sample.Count, sample.Errors, sample.Percentile(50), sample.Percentile(99));

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : double.NaN;

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
