using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Customer360Hub.Changes;
using Customer360Hub.Embedded.Storage;
using Customer360Hub.Json;
using Customer360Hub.Matching;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Cli.Batch;

/// <summary>
/// <c>c360 resolve</c>: pushes every record of the input files, one by one, through the same
/// incremental <see cref="IdentityResolver"/> the hub runs on its stream, over the store port
/// held in memory, then writes each record's profile. The match model is first estimated from
/// the input without labels (or loaded, or the defaults), and stays fixed for the whole run.
/// Records are normalised once, on every core, while the files are read; while the engine
/// resolves, the next records are read on another thread.
/// </summary>
internal sealed class BatchResolver(BatchOptions options, TextWriter progress, TimeProvider time)
{
    public const string EntityType = "party";
    private const int Chunk = 4096;
    private const string SourceVersion = "1";
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<BatchSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = new StageClock(time);
        var (order, features) = Read();
        var reading = clock.Lap("read");
        await Report($"read {order.Count} records from {options.Sources.Count} source(s) in {Describe(reading)}").ConfigureAwait(false);

        var identityOptions = new IdentityOptions
        {
            DefaultCountry = options.DefaultCountry,
            FeatureCacheSize = order.Count + 1,
            MaxBlockSize = options.MaxBlockSize ?? new IdentityOptions().MaxBlockSize,
        };
        identityOptions.LinkThreshold = options.LinkThreshold ?? identityOptions.LinkThreshold;
        identityOptions.ReviewThreshold = options.ReviewThreshold ?? identityOptions.ReviewThreshold;
        var model = options.ModelPath is not null ? MatchModelFile.Load(options.ModelPath)
            : options.Train ? ModelTrainer.Train(features, identityOptions.MaxBlockSize)
            : MatchModel.Default;
        if (options.SaveModelPath is not null)
        {
            await MatchModelFile.SaveAsync(model, options.SaveModelPath, cancellationToken).ConfigureAwait(false);
        }

        var training = clock.Lap("model");
        await Report($"model: {model.Origin} (prior {model.Prior:0.####}) in {Describe(training)}").ConfigureAwait(false);

        // This run is the store's only writer: no partition guards.
        var store = new HubStore(new UnitOfWorkStore(new InMemoryDocumentStore(time), guardPartitions: false));
        var resolver = new IdentityResolver(store, new PairScorer(model, identityOptions.ToPolicy()), Options.Create(identityOptions), time);
        Parallel.ForEach(features, resolver.Remember);
        features.Clear();
        features.TrimExcess();
        await ResolveAllAsync(resolver, order.Count, cancellationToken).ConfigureAwait(false);
        var resolving = clock.Lap("resolve");
        await Report($"resolved {order.Count} records in {Describe(resolving)} ({order.Count / Math.Max(resolving.Wall.TotalSeconds, 1e-9):0} records/s)").ConfigureAwait(false);

        var profiles = await WriteClustersAsync(store, order, cancellationToken).ConfigureAwait(false);
        if (options.ExplainPath is not null)
        {
            await WriteExplanationsAsync(store, resolver, cancellationToken).ConfigureAwait(false);
        }

        clock.Lap("write");
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new BatchSummary(order.Count, profiles, clock.Stages, process.PeakWorkingSet64, GC.GetTotalPauseDuration());
    }

    internal static string Describe(BatchStage stage) =>
        string.Create(CultureInfo.InvariantCulture, $"{stage.Wall.TotalSeconds:0.0} s (CPU {stage.Cpu.TotalSeconds:0.0} s, allocated {stage.AllocatedBytes / (1024 * 1024)} MiB)");

    /// <summary>Every record's source and id, in input order, and its features, normalised as the engine does.</summary>
    private (List<(string Source, string RecordId)> Order, List<MatchFeatures> Features) Read()
    {
        var order = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<PartyRow>(Chunk);
        var features = new List<MatchFeatures>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var version = IdentityResolver.VersionOf(Epoch, SourceVersion);
        void Flush()
        {
            var extracted = new MatchFeatures[rows.Count];
            Parallel.For(0, rows.Count, i =>
                extracted[i] = FeatureExtractor.Extract(RecordKeys.Of(rows[i].Source, EntityType, rows[i].RecordId), version, rows[i].Attributes, options.DefaultCountry, today));
            features.AddRange(extracted);
            rows.Clear();
        }

        foreach (var (name, path) in options.Sources)
        {
            foreach (var row in PartyCsvReader.Read(name, path, options.Mapping))
            {
                if (!seen.Add(name + "\n" + row.RecordId))
                {
                    throw new UnreadableInputException($"'{path}' (source {name}): record_id '{row.RecordId}' appears more than once; every record needs its own id.");
                }

                order.Add((name, row.RecordId));
                rows.Add(row);
                if (rows.Count == Chunk)
                {
                    Flush();
                }
            }
        }

        Flush();
        return (order, features);
    }

    private async Task ResolveAllAsync(IdentityResolver resolver, int total, CancellationToken cancellationToken)
    {
        // The files are read again on another thread while this one resolves, one record at a time.
        var chunks = Channel.CreateBounded<SourceChange[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in options.Sources.SelectMany(s => PartyCsvReader.Read(s.Name, s.Path, options.Mapping)).Select(ChangeOf).Chunk(Chunk))
                    {
                        await chunks.Writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                    }

                    chunks.Writer.Complete();
                }
                catch (Exception ex)
                {
                    chunks.Writer.Complete(ex);
                }
            },
            cancellationToken);

        var done = 0;
        var started = time.GetTimestamp();
        var lastReport = started;
        await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var change in chunk)
            {
                await resolver.ResolveAsync(change, cancellationToken).ConfigureAwait(false);
                done++;
            }

            if (time.GetElapsedTime(lastReport) >= TimeSpan.FromSeconds(2))
            {
                lastReport = time.GetTimestamp();
                var rate = done / Math.Max(time.GetElapsedTime(started).TotalSeconds, 1e-9);
                await Report($"resolving: {done}/{total} records ({rate:0}/s)").ConfigureAwait(false);
            }
        }

        await reader.ConfigureAwait(false);
    }

    private static SourceChange ChangeOf(PartyRow row) => new()
    {
        Id = IdempotencyId.For(row.Source, EntityType, row.RecordId, SourceVersion, ChangeOperation.Upsert),
        Source = row.Source,
        EntityType = EntityType,
        Kind = RecordKind.Party,
        RecordId = row.RecordId,
        SourceVersion = SourceVersion,
        ModifiedAt = Epoch,
        PulledAt = Epoch,
        Operation = ChangeOperation.Upsert,
        Attributes = row.Attributes,
    };

    /// <summary>Writes each record's profile, from the live profiles' member lists.</summary>
    private async Task<int> WriteClustersAsync(HubStore store, List<(string Source, string RecordId)> order, CancellationToken cancellationToken)
    {
        var profileOf = new Dictionary<string, string>(order.Count, StringComparer.Ordinal);
        await foreach (var profile in store.Profiles.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var member in profile.Document.Members)
            {
                profileOf[member.RecordKey] = profile.Document.Id;
            }
        }

        var profiles = new HashSet<string>(StringComparer.Ordinal);
        var writer = new StreamWriter(options.OutputPath);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("source,record_id,profile_id").ConfigureAwait(false);
            foreach (var (source, recordId) in order)
            {
                var profileId = profileOf.GetValueOrDefault(RecordKeys.Of(source, EntityType, recordId))
                    ?? throw new InvalidOperationException($"Record {source}/{recordId} has no profile after resolution.");
                profiles.Add(profileId);
                await writer.WriteLineAsync(CsvText.Line(source, recordId, profileId)).ConfigureAwait(false);
            }
        }

        return profiles.Count;
    }

    private async Task WriteExplanationsAsync(HubStore store, IdentityResolver resolver, CancellationToken cancellationToken)
    {
        var stream = File.Create(options.ExplainPath!);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var relation in store.Links.ScanAsync(cancellationToken).ConfigureAwait(false))
            {
                var link = relation.Document;
                if (string.CompareOrdinal(link.RecordKey, link.OtherKey) > 0)
                {
                    continue;
                }

                var explained = await resolver.WithComparisonsAsync(link, cancellationToken).ConfigureAwait(false);
                await JsonSerializer.SerializeAsync(stream, explained, CoreJsonContext.Default.IdentityLink, cancellationToken).ConfigureAwait(false);
                stream.WriteByte((byte)'\n');
            }
        }
    }

    private Task Report(string line) => progress.WriteLineAsync("resolve: " + line);
}
