using System.Globalization;
using System.Text.Json;
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
/// </summary>
internal sealed class BatchResolver(BatchOptions options, TextWriter progress, TimeProvider time)
{
    public const string EntityType = "party";
    private const int Chunk = 4096;
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<BatchSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var (order, features) = ReadForTraining();
        var reading = time.GetElapsedTime(started);
        await Report($"read {order.Count} records from {options.Sources.Count} source(s) in {reading.TotalSeconds:0.0} s").ConfigureAwait(false);

        started = time.GetTimestamp();
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
        features.Clear();
        features.TrimExcess();
        if (options.SaveModelPath is not null)
        {
            await MatchModelFile.SaveAsync(model, options.SaveModelPath, cancellationToken).ConfigureAwait(false);
        }

        var training = time.GetElapsedTime(started);
        await Report($"model: {model.Origin} (prior {model.Prior:0.####}) in {training.TotalSeconds:0.0} s").ConfigureAwait(false);

        started = time.GetTimestamp();
        var documents = new InMemoryDocumentStore(time);
        var store = new HubStore(documents);
        var resolver = new IdentityResolver(store, new PairScorer(model, identityOptions.ToPolicy()), Options.Create(identityOptions), time);
        await ResolveAllAsync(resolver, order.Count, cancellationToken).ConfigureAwait(false);
        var resolving = time.GetElapsedTime(started);
        await Report($"resolved {order.Count} records in {resolving.TotalSeconds:0.0} s ({order.Count / Math.Max(resolving.TotalSeconds, 1e-9):0} records/s)").ConfigureAwait(false);

        started = time.GetTimestamp();
        var profiles = await WriteClustersAsync(store, order, cancellationToken).ConfigureAwait(false);
        if (options.ExplainPath is not null)
        {
            await WriteExplanationsAsync(store, cancellationToken).ConfigureAwait(false);
        }

        var writing = time.GetElapsedTime(started);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new BatchSummary(order.Count, profiles, reading, training, resolving, writing, process.PeakWorkingSet64);
    }

    private (List<(string Source, string RecordId)> Order, List<MatchFeatures> Features) ReadForTraining()
    {
        var order = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<PartyRow>(Chunk);
        var features = new List<MatchFeatures>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        void Flush()
        {
            if (options.Train && options.ModelPath is null)
            {
                var extracted = new MatchFeatures[rows.Count];
                Parallel.For(0, rows.Count, i =>
                    extracted[i] = FeatureExtractor.Extract(RecordKeys.Of(rows[i].Source, EntityType, rows[i].RecordId), string.Empty, rows[i].Attributes, options.DefaultCountry, today));
                features.AddRange(extracted);
            }

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
        var done = 0;
        var started = time.GetTimestamp();
        var lastReport = started;
        var chunk = new List<SourceChange>(Chunk);
        Task prepared = Task.CompletedTask;
        foreach (var (name, path) in options.Sources)
        {
            foreach (var row in PartyCsvReader.Read(name, path, options.Mapping))
            {
                chunk.Add(ChangeOf(row));
                if (chunk.Count < Chunk)
                {
                    continue;
                }

                await ResolveChunkAsync(chunk).ConfigureAwait(false);
            }
        }

        await ResolveChunkAsync(chunk).ConfigureAwait(false);
        await prepared.ConfigureAwait(false);

        async Task ResolveChunkAsync(List<SourceChange> changes)
        {
            // Normalising the next records (the engine's own, cached step) runs on the other core
            // while this thread resolves: the resolution itself stays one record at a time.
            await prepared.ConfigureAwait(false);
            var batch = changes.ToList();
            changes.Clear();
            var records = batch.Select(SourceRecord.From).ToArray();
            var warm = Task.Run(() => Parallel.ForEach(records, r => resolver.FeaturesOf(r)), cancellationToken);
            foreach (var change in batch)
            {
                await resolver.ResolveAsync(change, cancellationToken).ConfigureAwait(false);
                done++;
                if (time.GetElapsedTime(lastReport) >= TimeSpan.FromSeconds(2))
                {
                    lastReport = time.GetTimestamp();
                    var rate = done / Math.Max(time.GetElapsedTime(started).TotalSeconds, 1e-9);
                    await Report($"resolving: {done}/{total} records ({rate:0}/s)").ConfigureAwait(false);
                }
            }

            prepared = warm;
        }
    }

    private static SourceChange ChangeOf(PartyRow row) => new()
    {
        Id = IdempotencyId.For(row.Source, EntityType, row.RecordId, "1", ChangeOperation.Upsert),
        Source = row.Source,
        EntityType = EntityType,
        Kind = RecordKind.Party,
        RecordId = row.RecordId,
        SourceVersion = "1",
        ModifiedAt = Epoch,
        PulledAt = Epoch,
        Operation = ChangeOperation.Upsert,
        Attributes = row.Attributes,
    };

    private async Task<int> WriteClustersAsync(HubStore store, List<(string Source, string RecordId)> order, CancellationToken cancellationToken)
    {
        var profiles = new HashSet<string>(StringComparer.Ordinal);
        var writer = new StreamWriter(options.OutputPath);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("source,record_id,profile_id").ConfigureAwait(false);
            foreach (var slice in order.Chunk(1000))
            {
                var found = await store.Records.GetManyAsync(slice.Select(r => DocumentKey.Single(RecordKeys.Of(r.Source, EntityType, r.RecordId))).ToList(), cancellationToken).ConfigureAwait(false);
                var byKey = found.ToDictionary(f => f.Key.Id, f => f.Document.ProfileId, StringComparer.Ordinal);
                foreach (var (source, recordId) in slice)
                {
                    var profileId = byKey.GetValueOrDefault(RecordKeys.Of(source, EntityType, recordId))
                        ?? throw new InvalidOperationException($"Record {source}/{recordId} has no profile after resolution.");
                    profiles.Add(profileId);
                    await writer.WriteLineAsync(CsvText.Line(source, recordId, profileId)).ConfigureAwait(false);
                }
            }
        }

        return profiles.Count;
    }

    private async Task WriteExplanationsAsync(HubStore store, CancellationToken cancellationToken)
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

                await JsonSerializer.SerializeAsync(stream, link, CoreJsonContext.Default.IdentityLink, cancellationToken).ConfigureAwait(false);
                stream.WriteByte((byte)'\n');
            }
        }
    }

    private Task Report(string line) => progress.WriteLineAsync("resolve: " + line);
}
