using System.Globalization;
using System.Text.Json;
using Customer360Hub.Changes;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// Measures freshness as a caller sees it: for a sampled pulled party change, looks the person up
/// by email in the API until the profile served lists the record and shows the source's newest
/// change at least as new as this one; freshness is the time from the pull to that response.
/// </summary>
internal static class FreshnessProbe
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs probes until the recorder stops handing out changes; returns how many were never seen.</summary>
    public static async Task<int> RunAsync(HttpClient http, PipelineRecorder recorder, int concurrency, LatencySample freshness, TimeProvider time)
    {
        var unseen = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            await foreach (var change in recorder.Probes.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (!await WaitUntilVisibleAsync(http, change, time).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref unseen);
                    continue;
                }

                freshness.Add((time.GetUtcNow() - change.PulledAt).TotalMilliseconds);
            }
        }))).ConfigureAwait(false);
        return unseen;
    }

    private static async Task<bool> WaitUntilVisibleAsync(HttpClient http, SourceChange change, TimeProvider time)
    {
        var path = new Uri("/api/v1/profiles/lookup?email=" + Uri.EscapeDataString(change.Attributes[CanonicalFields.Email]), UriKind.Relative);
        while (time.GetUtcNow() - change.PulledAt < GiveUpAfter)
        {
            using (var response = await http.GetAsync(path).ConfigureAwait(false))
            {
                if (response.IsSuccessStatusCode)
                {
                    using var profile = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);
                    if (Shows(profile.RootElement, change))
                    {
                        return true;
                    }
                }
            }

            await Task.Delay(PollEvery, time).ConfigureAwait(false);
        }

        return false;
    }

    private static bool Shows(JsonElement profile, SourceChange change)
    {
        var member = profile.TryGetProperty("members", out var members) && members.EnumerateArray().Any(m =>
            m.GetProperty("source").GetString() == change.Source
            && m.GetProperty("entityType").GetString() == change.EntityType
            && m.GetProperty("recordId").GetString() == change.RecordId);
        return member
            && profile.TryGetProperty("freshness", out var freshness)
            && freshness.TryGetProperty(change.Source, out var source)
            && DateTimeOffset.Parse(source.GetProperty("lastModifiedAt").GetString()!, CultureInfo.InvariantCulture) >= change.ModifiedAt;
    }
}
