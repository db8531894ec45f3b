using System.Diagnostics;

namespace Customer360Hub.Cli.Benchmarks;

/// <summary>
/// Callers of the API while the hub ingests: each reads a random announced profile, then the
/// static endpoint (the ceiling: same host, no store, no handler logic, a body of the same size as
/// the first profile read), paced to a total rate.
/// </summary>
internal static class ApiReaders
{
    public const string StaticPath = "/bench/static";

    private static byte[] _staticBody = "{}"u8.ToArray();

    /// <summary>What the static endpoint serves: the first profile body read (until then, an empty object).</summary>
    public static byte[] StaticBody => Volatile.Read(ref _staticBody);

    public static async Task RunAsync(HttpClient http, PipelineRecorder recorder, int readers, int profilesPerSecond, LatencySample profiles, LatencySample statics, CancellationToken stopping)
    {
        var pause = TimeSpan.FromSeconds(readers / (double)Math.Max(1, profilesPerSecond));
        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(() => ReadAsync(http, recorder, pause, profiles, statics, stopping), CancellationToken.None))).ConfigureAwait(false);
    }

    private static async Task ReadAsync(HttpClient http, PipelineRecorder recorder, TimeSpan pause, LatencySample profiles, LatencySample statics, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            if (recorder.AnyProfileId() is { } id)
            {
                if (await TimeAsync(http, "/api/v1/profiles/" + id, profiles).ConfigureAwait(false) is { } body && StaticBody.Length <= 2)
                {
                    Volatile.Write(ref _staticBody, body);
                }

                await TimeAsync(http, StaticPath, statics).ConfigureAwait(false);
            }

            var rest = pause - Stopwatch.GetElapsedTime(started);
            try
            {
                await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<byte[]?> TimeAsync(HttpClient http, string path, LatencySample sample)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                sample.Failed();
                return null;
            }

            sample.AddSince(started);
            return body;
        }
        catch (HttpRequestException)
        {
            sample.Failed();
            return null;
        }
    }
}
