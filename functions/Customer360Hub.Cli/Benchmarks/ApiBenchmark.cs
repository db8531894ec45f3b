using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Customer360Hub.Api.Hosting;
using Customer360Hub.Changes;
using Customer360Hub.Embedded;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Profiles;
using Customer360Hub.Scoring;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// The API read benchmark: seeds profiles into a fresh embedded store, starts the API host on
/// loopback and runs wrk twice in the same process lifetime: GET profile (a random profile per
/// request, as a sales caller, audited) and a trivial endpoint returning static JSON of the same
/// size, the ceiling of this host on this machine.
/// </summary>
internal sealed partial class ApiBenchmark(int profiles, TimeSpan duration, TimeSpan warmup, int connections, TextWriter output)
{
    private const string StaticPath = "/bench/static/";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "c360-bench-api-" + Guid.NewGuid().ToString("N"));
        var key = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Embedded:DataFolder"] = folder,
                ["Api:Keys:0:Name"] = "bench",
                ["Api:Keys:0:Key"] = key,
                ["Api:Keys:0:Role"] = "sales",
                ["Api:Cache:MaxBytes"] = (2L << 30).ToString(CultureInfo.InvariantCulture),
                ["Privacy:HashKey"] = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton(new DataFolder(folder));
            builder.Services.AddCustomer360Core().AddCustomer360Embedded().AddCustomer360Api();
            var app = builder.Build();
            app.UseCustomer360Api();
            byte[] staticBody = [];
            app.MapGet(StaticPath + "{id}", () => Results.Bytes(staticBody, "application/json; charset=utf-8"));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var ids = await SeedAsync(app.Services.GetRequiredService<HubStore>(), cancellationToken).ConfigureAwait(false);
                var idsFile = Path.Combine(folder, "ids.txt");
                await File.WriteAllLinesAsync(idsFile, ids, cancellationToken).ConfigureAwait(false);

                using (var http = new HttpClient { BaseAddress = new Uri(address) })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/profiles/" + ids[0], UriKind.Relative));
                    request.Headers.Add("X-Api-Key", key);
                    using var sample = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    sample.EnsureSuccessStatusCode();
                    staticBody = await sample.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"Profile body: {staticBody.Length} bytes (sales role). Warming up {warmup.TotalSeconds:0}s each.").ConfigureAwait(false);
                await WrkAsync(address, StaticPath, idsFile, key, folder, warmup, cancellationToken).ConfigureAwait(false);
                var cold = await ReadEveryProfileAsync(address, key, ids, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Read every profile once (store read and render, 8 at a time): {ids.Count / cold.TotalSeconds:N0} profiles/s.")).ConfigureAwait(false);
                await WrkAsync(address, "/api/v1/profiles/", idsFile, key, folder, warmup, cancellationToken).ConfigureAwait(false);
                var ceiling = await WrkAsync(address, StaticPath, idsFile, key, folder, duration, cancellationToken).ConfigureAwait(false);
                var profile = await WrkAsync(address, "/api/v1/profiles/", idsFile, key, folder, duration, cancellationToken).ConfigureAwait(false);

                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync("| endpoint | requests/s | p50 ms | p99 ms | errors | host CPU µs/request | allocated KiB/request | GC pause ms/s |").ConfigureAwait(false);
                await output.WriteLineAsync("|---|---|---|---|---|---|---|---|").ConfigureAwait(false);
                await output.WriteLineAsync(Row($"GET /api/v1/profiles/{{id}} ({profiles:N0} profiles, random id, sales, audited)", profile)).ConfigureAwait(false);
                await output.WriteLineAsync(Row($"static JSON, same size ({staticBody.Length} B), ceiling", ceiling)).ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Throughput {profile.RequestsPerSecond / ceiling.RequestsPerSecond:P0} of the ceiling (target >= 70%); p99 {profile.P99Ms:0.00} ms (target <= 5 ms).")).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Host working set after the runs: {Environment.WorkingSet / (1024 * 1024)} MiB.")).ConfigureAwait(false);
                return profile.Errors == 0 && ceiling.Errors == 0 ? 0 : 1;
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Row(string name, WrkResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} | {r.HostCpuMicrosecondsPerRequest:0.0} | {r.AllocatedKiBPerRequest:0.0} | {r.GcPauseMsPerSecond:0.0} |");

    private async Task<List<string>> SeedAsync(HubStore store, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(7071);
        var now = DateTimeOffset.UtcNow;
        var engine = new EngineInfo("bench", "bench", "Seeded for the API benchmark.");
        string[] given = ["Ava", "Liam", "Maya", "Noah", "Zoe", "Omar", "Iris", "Hugo", "Lena", "Ravi"];
        string[] family = ["Garcia", "Smith", "Nguyen", "Okafor", "Müller", "Rossi", "Tanaka", "Silva", "Kowalski", "Dubois"];
        var ids = new List<string>(profiles);
        const int Batch = 2000;
        for (var start = 0; start < profiles; start += Batch)
        {
            var writes = new List<DocumentWrite>(Batch * 2);
            for (var i = start; i < Math.Min(profiles, start + Batch); i++)
            {
                var id = "p-" + i.ToString("x20", CultureInfo.InvariantCulture);
                ids.Add(id);
                var (g, f) = (given[random.Next(given.Length)], family[random.Next(family.Length)]);
                GoldenValue V(string value, string source) => new(value, source, "r" + i.ToString(CultureInfo.InvariantCulture), now.AddDays(-random.Next(1, 400)), "most-recent");
                var profile = new GoldenProfile
                {
                    Id = id,
                    CreatedAt = now.AddDays(-400),
                    UpdatedAt = now.AddDays(-1),
                    LastPulledAt = now,
                    Members =
                    [
                        new ProfileMember($"businesscentral/customer/C{i:D6}", now.AddDays(-400), "founding-record"),
                        new ProfileMember($"zendesk/user/{i + 100000}", now.AddDays(-200), "exact-email"),
                    ],
                    Fields = new()
                    {
                        [CanonicalFields.GivenName] = V(g, "businesscentral"),
                        [CanonicalFields.FamilyName] = V(f, "businesscentral"),
                        [CanonicalFields.FullName] = V(g + " " + f, "zendesk"),
                        [CanonicalFields.CompanyName] = V("Company " + (i % 5000).ToString(CultureInfo.InvariantCulture), "businesscentral"),
                        [CanonicalFields.Email] = V($"{g}.{f}.{i}@example.com".ToLowerInvariant(), "zendesk"),
                        [CanonicalFields.Phone] = V("+1415555" + (i % 10000).ToString("D4", CultureInfo.InvariantCulture), "businesscentral"),
                        [CanonicalFields.AddressLine1] = V((i % 999 + 1).ToString(CultureInfo.InvariantCulture) + " Market Street", "businesscentral"),
                        [CanonicalFields.City] = V("San Francisco", "businesscentral"),
                        [CanonicalFields.Postcode] = V("94103", "businesscentral"),
                        [CanonicalFields.Country] = V("US", "businesscentral"),
                    },
                    Emails = [$"{g}.{f}.{i}@example.com".ToLowerInvariant()],
                    Sources = ["businesscentral", "zendesk"],
                    Engine = engine,
                };
                var score = new ProfileScore { ProfileId = id, ScoredAt = now, Model = ProfileScore.CurrentModel, Segment = "default", Score = 71, Band = HealthBands.Green, Confidence = 0.8 };
                writes.Add(store.Profiles.Upsert(DocumentKey.Single(id), profile));
                writes.Add(store.Scores.Upsert(DocumentKey.Single(id), score));
                writes.Add(store.Aggregates.Upsert(
                    new DocumentKey(id, ProfileAggregates.DocumentId),
                    new ProfileAggregates { ProfileId = id, ChangedAt = now, Counts = new() { ["order"] = random.Next(1, 20), ["ticket"] = random.Next(0, 5) } }));
            }

            await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Seeded {profiles:N0} profiles in {clock.Elapsed.TotalSeconds:0.0}s.").ConfigureAwait(false);
        return ids;
    }

    /// <summary>The cache's warm-up: every profile read once, as a long-running host would have.</summary>
    private static async Task<TimeSpan> ReadEveryProfileAsync(string address, string key, List<string> ids, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            using var response = await http.GetAsync(new Uri("/api/v1/profiles/" + id, UriKind.Relative), ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }).ConfigureAwait(false);
        return clock.Elapsed;
    }

    private async Task<WrkResult> WrkAsync(string address, string pathPrefix, string idsFile, string key, string folder, TimeSpan length, CancellationToken cancellationToken)
    {
        var script = Path.Combine(folder, "bench.lua");
        await File.WriteAllTextAsync(script, $$"""
            local ids = {}
            for line in io.lines("{{idsFile}}") do ids[#ids + 1] = line end
            wrk.headers["X-Api-Key"] = "{{key}}"
            request = function()
              return wrk.format("GET", "{{pathPrefix}}" .. ids[math.random(#ids)])
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                e.connect + e.read + e.write + e.status + e.timeout))
            end
            """, cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{(int)length.TotalSeconds}s", "--latency", "-s", script, address })
        {
            start.ArgumentList.Add(argument);
        }

        // The host runs in this process, idle but for the requests while wrk runs: its CPU time
        // per request is a figure that other load on the machine barely moves.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (allocatedBefore, pausedBefore) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var stdout = await wrk.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await wrk.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var match = ResultLine().Match(stdout);
        if (wrk.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException("wrk failed: " + stdout + await wrk.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var (allocated, paused) = (GC.GetTotalAllocatedBytes() - allocatedBefore, GC.GetTotalPauseDuration() - pausedBefore);
        long Get(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var requests = Get("requests");
        var seconds = Get("duration") / 1e6;
        return new WrkResult(requests / seconds, Get("p50") / 1000.0, Get("p99") / 1000.0, Get("errors"),
            cpu.TotalMicroseconds / requests, allocated / 1024.0 / requests, paused.TotalMilliseconds / seconds);
    }

    [GeneratedRegex(@"RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) p50_us=(?<p50>\d+) p99_us=(?<p99>\d+) errors=(?<errors>\d+)")]
    private static partial Regex ResultLine();

    private sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, double HostCpuMicrosecondsPerRequest, double AllocatedKiBPerRequest, double GcPauseMsPerSecond);
}
