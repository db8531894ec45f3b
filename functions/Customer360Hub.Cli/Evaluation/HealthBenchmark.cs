using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Customer360Hub.Cli.Hosting;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded.Messaging;
using Customer360Hub.Messaging;
using Customer360Hub.Resolution;
using Customer360Hub.Sandbox.Export;
using Customer360Hub.Sandbox.World;
using Customer360Hub.Scoring;
using Customer360Hub.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Cli.Evaluation;

/// <summary>
/// Judges the health score on the sandbox world and measures its freshness: runs the whole local
/// hub (sandbox APIs, connectors, resolver, scorer) on a world whose history ends today, with the
/// world's product usage imported through the file-drop connector; once everything is scored,
/// compares each scored customer's health with its trajectory (ROC AUC). Then it moves the world
/// on tick by tick and measures the time from a change being pulled to its profile's new score
/// being stored (where the API reads it).
/// </summary>
internal sealed class HealthBenchmark(TextWriter output, TimeProvider time)
{
    private const string FreshnessInstrument = "c360.scorer.freshness";

    private static readonly (string Range, int From, int To)[] Ranges = [("0-30", 0, 30), ("31-45", 31, 45), ("46-60", 46, 60), ("61-75", 61, 75), ("76-100", 76, 100)];

    public async Task<HealthBenchmarkResult> RunAsync(HealthBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var epoch = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var world = new SyntheticWorld(new WorldOptions { Customers = options.Customers, Seed = options.Seed, Epoch = epoch });
        var usageFolder = Path.Combine(options.Folder, "usage");
        var usage = await TrajectoryExporter.ExportAsync(world, usageFolder, options.Folder, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"World: {options.Customers} customers, seed {options.Seed}, history ending {epoch:yyyy-MM-dd}; {usage} usage records; truth in {Path.Combine(options.Folder, "trajectories.csv")}")).ConfigureAwait(false);

        var freshness = new ConcurrentQueue<(bool Steady, double Seconds)>();
        var steady = false;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // By name: instruments are published while HubTelemetry's static fields are still being set.
            if (instrument.Meter.Name == HubTelemetry.Name && instrument.Name == FreshnessInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => freshness.Enqueue((Volatile.Read(ref steady), value)));
        listener.Start();

        var overrides = new Dictionary<string, string?>
        {
            ["Embedded:DataFolder"] = Path.Combine(options.Folder, "data"),
            ["Api:Port"] = "0",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:TickInterval"] = "00:00:00",
            ["Sandbox:World:Customers"] = options.Customers.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:World:Seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["Sandbox:World:Epoch"] = epoch.ToString("O", CultureInfo.InvariantCulture),
            // A tick is a second of world time, so changes after the epoch are in the past, not tomorrow.
            ["Sandbox:World:TickLength"] = "00:00:01",
            ["Sandbox:World:ChangeRate"] = options.ChangeRate.ToString(CultureInfo.InvariantCulture),
            ["Connectors:FileDrop:Enabled"] = "true",
            ["Connectors:FileDrop:Folder"] = usageFolder,
            ["Connectors:FileDrop:EntityType"] = "usage",
            // The daily jobs would rescore everything at start; the benchmark measures the scorer on changes.
            ["Scoring:Jobs:Enabled"] = "false",
            ["Embedded:Alerts:File"] = string.Empty,
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Customer360Hub.Embedded.Notifications.LocalNotifier"] = "None",
        };
        foreach (var name in new[] { "BusinessCentral", "Stripe", "Zendesk", "HubSpot", "Salesforce", "Graph", "FileDrop" })
        {
            overrides[$"Connectors:{name}:Interval"] = "00:00:02";
        }

        var clock = Stopwatch.StartNew();
        await using var hub = await LocalHub.StartAsync([], overrides, cancellationToken).ConfigureAwait(false);

        // Ctrl+C or SIGTERM stops the hub's host (it takes the signal); the benchmark stops with it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hub.Stopping);
        var running = stopping.Token;
        var records = await DrainAsync(hub, time.GetUtcNow(), options.Timeout, running).ConfigureAwait(false);
        var loadTime = clock.Elapsed;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Loaded and scored {records} records in {loadTime.TotalSeconds:F0} s")).ConfigureAwait(false);

        var judged = await JudgeAsync(hub, hub.Sandbox!.World, Path.Combine(options.Folder, "scores.csv"), running).ConfigureAwait(false);

        double perSecond = 0;
        if (options.Ticks > 0)
        {
            Volatile.Write(ref steady, true);
            var changes = 0;
            var ticking = Stopwatch.StartNew();
            for (var tick = 0; tick < options.Ticks; tick++)
            {
                changes += await hub.Sandbox.AdvanceAsync(running).ConfigureAwait(false);
                await Task.Delay(options.TickEvery, running).ConfigureAwait(false);
            }

            perSecond = changes / ticking.Elapsed.TotalSeconds;
            await DrainAsync(hub, time.GetUtcNow(), options.Timeout, running).ConfigureAwait(false);
        }

        listener.Dispose();
        var result = judged with
        {
            RecordsPulled = records,
            LoadTime = loadTime,
            BackfillFreshness = LatencyStats.Of(freshness.Where(f => !f.Steady).Select(f => f.Seconds)),
            SteadyFreshness = LatencyStats.Of(freshness.Where(f => f.Steady).Select(f => f.Seconds)),
            SteadyChangesPerSecond = perSecond,
        };
        await ReportAsync(result, options).ConfigureAwait(false);
        return result;
    }

    /// <summary>Waits until every connector finished a pass that started after <paramref name="since"/> and both topics are empty; returns the records pulled so far.</summary>
    private async Task<long> DrainAsync(LocalHub hub, DateTimeOffset since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sources = hub.Services.GetServices<ConnectorRegistration>().Select(r => r.Connector.Source).ToList();
        var board = hub.Services.GetRequiredService<ConnectorStatusBoard>();
        var bus = hub.Services.GetRequiredService<SqliteChangeBus>();
        var deadline = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var quiet = 0;
        while (true)
        {
            var statuses = board.Current.ToDictionary(s => s.Source, StringComparer.Ordinal);
            var synced = sources.All(s => statuses.TryGetValue(s, out var status) && status.LastSuccessAt > since);
            var backlog = bus.CountActive(Topics.SourceChanges, Topics.ResolverSubscription) + bus.CountActive(Topics.ProfileChanges, Topics.ScorerSubscription);
            var pulled = statuses.Values.Sum(s => s.Records);
            quiet = synced && backlog == 0 ? quiet + 1 : 0;
            if (quiet >= 2)
            {
                return pulled;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The hub did not catch up within {timeout}: {backlog} messages waiting, connectors synced: {synced}.");
            }

            if (deadline.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = deadline.Elapsed;
                var failing = string.Join("; ", statuses.Values.Where(s => s.LastError is not null && s.LastAttemptAt > s.LastSuccessAt.GetValueOrDefault()).Select(s => s.Source + ": " + s.LastError));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {deadline.Elapsed.TotalSeconds:F0} s: {pulled} records pulled, {backlog} messages waiting{(failing.Length == 0 ? "" : "; failing: " + failing)}")).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Finds each scored customer's profile by one of its records and compares its health with its
    /// trajectory. Writes each judged customer's score, factor scores and planted trouble to
    /// <paramref name="scoresFile"/>, so other weightings can be judged on the same profiles.
    /// </summary>
    private static async Task<HealthBenchmarkResult> JudgeAsync(LocalHub hub, SyntheticWorld world, string scoresFile, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(scoresFile, append: false, new System.Text.UTF8Encoding(false));
        await file.WriteLineAsync("customer_id,trajectory,segment,score," + string.Join(',', HealthFactors.All) + ",usage_drop,support_load,payment_trouble,disengagement").ConfigureAwait(false);
        var refs = hub.Services.GetRequiredService<CustomerRefs>();
        var health = hub.Services.GetRequiredService<HealthQueries>();
        var scores = new List<(Trajectory Trajectory, int Score, string Band, double Planted, double Seen, Dictionary<string, double> Readings)>();
        int customers = 0, unknown = 0, unresolved = 0, unscored = 0;
        foreach (var unit in world.Units())
        {
            var trajectory = world.TrajectoryOf(unit.Index);
            var trouble = world.TroubleOf(unit.Index);
            foreach (var customer in world.ScoredCustomers(unit))
            {
                customers++;
                if (world.AnchorOf(unit, customer) is not { } anchor)
                {
                    unknown++;
                    continue;
                }

                if (await refs.ProfileOfRecordAsync(anchor, cancellationToken).ConfigureAwait(false) is not { } profileId)
                {
                    unresolved++;
                    continue;
                }

                var view = await health.GetAsync(profileId, 0, cancellationToken).ConfigureAwait(false);
                if (view?.Score is not { Score: { } score } current)
                {
                    unscored++;
                    continue;
                }

                // The trouble planted in the data, and the part of it on factors the profile has data for.
                var present = current.Factors.Where(f => !f.Missing).Select(f => f.Factor).ToHashSet(StringComparer.Ordinal);
                var seen = (present.Contains(HealthFactors.Usage) ? trouble.UsageDrop : 0)
                    + (present.Contains(HealthFactors.Support) ? trouble.SupportLoad : 0)
                    + (present.Contains(HealthFactors.Payment) ? trouble.PaymentTrouble : 0)
                    + (present.Contains(HealthFactors.Engagement) ? trouble.Disengagement : 0);
                var planted = trouble.UsageDrop + trouble.SupportLoad + trouble.PaymentTrouble + trouble.Disengagement;
                var readings = current.Factors.Where(f => !f.Missing)
                    .SelectMany(f => f.Metrics.Select(m => (Key: m.Metric, m.Score)).Append((Key: "factor:" + f.Factor, Score: f.Score ?? 0)))
                    .ToDictionary(r => r.Key, r => r.Score, StringComparer.Ordinal);
                scores.Add((trajectory, score, current.Band, planted, seen, readings));
                var factorScores = HealthFactors.All.Select(f => readings.TryGetValue("factor:" + f, out var value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty);
                var troubleValues = new[] { trouble.UsageDrop, trouble.SupportLoad, trouble.PaymentTrouble, trouble.Disengagement }.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture));
                await file.WriteLineAsync(string.Join(',', [customer.Id, trajectory.ToString().ToLowerInvariant(), current.Segment, score.ToString(CultureInfo.InvariantCulture), .. factorScores, .. troubleValues])).ConfigureAwait(false);
            }
        }

        // A low score is a high churn risk.
        IReadOnlyCollection<double> Risk(params Trajectory[] trajectories) => scores.Where(s => trajectories.Contains(s.Trajectory)).Select(s => -(double)s.Score).ToList();
        return new HealthBenchmarkResult
        {
            Customers = customers,
            Unknown = unknown,
            Unresolved = unresolved,
            Unscored = unscored,
            ByTrajectory = Enum.GetValues<Trajectory>().ToDictionary(
                t => t,
                t => new TrajectoryScores(
                    t,
                    scores.Count(s => s.Trajectory == t),
                    scores.Where(s => s.Trajectory == t).Select(s => s.Score).ToList(),
                    scores.Where(s => s.Trajectory == t).GroupBy(s => s.Band, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))),
            ChurningVsHealthy = RocAuc.Of(Risk(Trajectory.Churning), Risk(Trajectory.Healthy)),
            PlantedCeiling = RocAuc.Of(
                scores.Where(s => s.Trajectory == Trajectory.Churning).Select(s => s.Planted).ToList(),
                scores.Where(s => s.Trajectory == Trajectory.Healthy).Select(s => s.Planted).ToList()),
            SeenCeiling = RocAuc.Of(
                scores.Where(s => s.Trajectory == Trajectory.Churning).Select(s => s.Seen).ToList(),
                scores.Where(s => s.Trajectory == Trajectory.Healthy).Select(s => s.Seen).ToList()),
            AtRiskVsHealthy = RocAuc.Of(Risk(Trajectory.AtRisk), Risk(Trajectory.Healthy)),
            TroubledVsRest = RocAuc.Of(Risk(Trajectory.Churning, Trajectory.AtRisk), Risk(Trajectory.Healthy, Trajectory.Expanding)),
            ChurnRateByScore = Ranges.Select(r =>
            {
                var inRange = scores.Where(s => s.Score >= r.From && s.Score <= r.To).ToList();
                return (r.Range, inRange.Count, inRange.Count == 0 ? 0 : inRange.Count(s => s.Trajectory == Trajectory.Churning) / (double)inRange.Count);
            }).ToList(),
            ByReading = HealthFactors.All.Select(f => "factor:" + f).Concat(HealthMetrics.FactorOf.Keys).Select(key =>
            {
                // Among the customers with the reading only: how well it ranks on its own, and how many have it.
                var churning = scores.Where(s => s.Trajectory == Trajectory.Churning && s.Readings.ContainsKey(key)).Select(s => -s.Readings[key]).ToList();
                var healthy = scores.Where(s => s.Trajectory == Trajectory.Healthy && s.Readings.ContainsKey(key)).Select(s => -s.Readings[key]).ToList();
                return (key, churning.Count, healthy.Count, RocAuc.Of(churning, healthy));
            }).ToList(),
            RecordsPulled = 0,
            LoadTime = TimeSpan.Zero,
        };
    }

    private async Task ReportAsync(HealthBenchmarkResult r, HealthBenchmarkOptions options)
    {
        var scored = r.ByTrajectory.Values.Sum(t => t.Customers);
        var lines = new List<string>
        {
            Line($"Scored customers: {scored} of {r.Customers} ({r.Unknown} in no system, {r.Unresolved} without a profile, {r.Unscored} without data to score)"),
            "trajectory   customers  mean  median  green  yellow  red",
        };
        foreach (var t in r.ByTrajectory.Values)
        {
            lines.Add(Line($"{t.Trajectory,-11} {t.Customers,10} {t.Mean,5:F1} {t.Median,7:F0} {t.Bands.GetValueOrDefault(HealthBands.Green),6} {t.Bands.GetValueOrDefault(HealthBands.Yellow),7} {t.Bands.GetValueOrDefault(HealthBands.Red),4}"));
        }

        lines.Add(Line($"ROC AUC, churning vs healthy: {r.ChurningVsHealthy:F3}"));
        lines.Add(Line($"  ceiling: the world's planted trouble itself {r.PlantedCeiling:F3}; the part on factors the profiles have data for {r.SeenCeiling:F3}"));
        lines.Add("Per factor and metric, churning vs healthy among the customers with it (AUC, churning / healthy with it): " + string.Join(", ", r.ByReading.Select(m => Line($"{m.Reading} {m.Auc:F3} ({m.Churning} / {m.Healthy})"))));
        lines.Add(Line($"ROC AUC, at risk vs healthy: {r.AtRiskVsHealthy:F3}"));
        lines.Add(Line($"ROC AUC, churning or at risk vs healthy or expanding: {r.TroubledVsRest:F3}"));
        lines.Add("Share churning per score range (to calibrate Scoring:Health:ChurnProbability): " + string.Join(", ", r.ChurnRateByScore.Select(b => Line($"{b.Range}: {b.Churning:P0} of {b.Customers}"))));
        lines.Add(Line($"Load: {r.RecordsPulled} records pulled, resolved and scored in {r.LoadTime.TotalSeconds:F0} s"));
        lines.Add("Freshness (pull to stored score), whole history as one backlog: " + Describe(r.BackfillFreshness));
        if (options.Ticks > 0)
        {
            lines.Add(Line($"Freshness (pull to stored score) under {r.SteadyChangesPerSecond:F1} world changes/s for {options.Ticks} ticks: ") + Describe(r.SteadyFreshness));
        }

        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Describe(LatencyStats? stats) =>
        stats is null ? "no scores" : string.Create(CultureInfo.InvariantCulture, $"p50 {stats.P50:F2} s, p90 {stats.P90:F2} s, p99 {stats.P99:F2} s, max {stats.Max:F2} s over {stats.Count} changes");
}
