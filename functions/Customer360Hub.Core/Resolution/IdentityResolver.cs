using System.Collections.Concurrent;
using Customer360Hub.Changes;
using Customer360Hub.Matching;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Resolution;

/// <summary>
/// The identity engine. Each party change is normalised, looked up in the identity index by its
/// blocking keys, scored against the candidates found, and the relations (with their evidence)
/// are stored on both records. Profiles are then re-derived for the connected group of records
/// the change touches (<see cref="ClusterSolver"/>), so a bridging record merges profiles and a
/// change or delete that removes the only evidence splits them. Relations depend only on record
/// contents and the model, which makes the result independent of arrival order. Profile ids are
/// stable: on a merge the older profile survives and the other redirects to it.
/// </summary>
public sealed class IdentityResolver
{
    public const string EngineName = "fellegi-sunter";
    public const string FoundingRule = "founding-record";

    private readonly HubStore _store;
    private readonly PairScorer _scorer;
    private readonly IdentityOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, MatchFeatures> _features = new(StringComparer.Ordinal);

    public IdentityResolver(HubStore store, PairScorer scorer, IOptions<IdentityOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _scorer = scorer;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The engine with the built-in model and default options.</summary>
    public IdentityResolver(HubStore store, TimeProvider time)
        : this(store, new PairScorer(MatchModel.Default, MatchPolicy.Default), Options.Create(new IdentityOptions()), time)
    {
    }

    public PairScorer Scorer => _scorer;

    /// <summary>Applies one party change; returns the profiles whose membership it touched.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(SourceChange change, CancellationToken cancellationToken = default) =>
        (await ResolveAsync(change, cancellationToken).ConfigureAwait(false)).Touched;

    /// <summary>Applies one party change and reports what it did to profiles.</summary>
    public async Task<IdentityOutcome> ResolveAsync(SourceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var existing = await _store.Records.GetAsync(DocumentKey.Single(change.RecordKey), cancellationToken).ConfigureAwait(false);
        if (existing is not null && !existing.Document.IsOlderThan(change))
        {
            // A duplicate or stale version: nothing changes, but the profile is re-announced so a
            // retry after a partial failure still completes the downstream steps.
            return new IdentityOutcome { Touched = existing.Document.ProfileId is { } same ? [same] : [] };
        }

        var record = SourceRecord.From(change) with
        {
            ProfileId = existing?.Document.ProfileId,
            MatchKeys = existing?.Document.MatchKeys ?? [],
        };
        return await ProcessAsync(record, existing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Scores the records again against their candidates and re-derives their profiles (after a
    /// model change, or when a blocking key became too common or usable again).
    /// </summary>
    public async Task<IdentityOutcome> ReevaluateAsync(IEnumerable<string> recordKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        var outcome = IdentityOutcome.None;
        foreach (var key in recordKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var existing = await _store.Records.GetAsync(DocumentKey.Single(key), cancellationToken).ConfigureAwait(false);
            if (existing is { Document: { Kind: RecordKind.Party, Deleted: false } record })
            {
                outcome = outcome.Combine(await ProcessAsync(record, existing, cancellationToken).ConfigureAwait(false));
            }
        }

        return outcome;
    }

    /// <summary>Re-derives the profiles around the records without re-scoring them (after a steward decision).</summary>
    public Task<IdentityOutcome> SettleAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        return SettleAsync(recordKeys, null, [], cancellationToken);
    }

    /// <summary>The normalised features of a stored record (cached by record version).</summary>
    public MatchFeatures FeaturesOf(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var version = VersionOf(record);
        if (_features.TryGetValue(record.RecordKey, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var features = FeatureExtractor.Extract(record.RecordKey, version, record.Attributes, _options.DefaultCountry, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        if (_features.Count >= _options.FeatureCacheSize)
        {
            _features.Clear();
        }

        if (_options.FeatureCacheSize > 0)
        {
            _features[record.RecordKey] = features;
        }

        return features;
    }

    internal static string VersionOf(SourceRecord record) => record.ModifiedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + record.SourceVersion;

    private async Task<IdentityOutcome> ProcessAsync(SourceRecord record, Versioned<SourceRecord>? existing, CancellationToken cancellationToken)
    {
        var recordKey = record.RecordKey;
        var features = record.Deleted ? null : FeaturesOf(record);
        var keys = features is null ? [] : BlockingKeys.For(features).ToList();
        var oldKeys = existing?.Document.MatchKeys ?? [];
        var (candidates, crossings) = await FindCandidatesAsync(recordKey, keys, oldKeys, cancellationToken).ConfigureAwait(false);

        var computed = new SortedDictionary<string, PairEvidence>(StringComparer.Ordinal);
        if (features is not null)
        {
            foreach (var (otherKey, entry) in candidates)
            {
                var other = await CandidateFeaturesAsync(entry, cancellationToken).ConfigureAwait(false);
                if (other is null)
                {
                    continue;
                }

                var evidence = _scorer.Score(features, other);
                if (evidence.Decision != LinkDecision.None)
                {
                    computed[otherKey] = evidence;
                }
            }
        }

        var changedOthers = await WriteRelationsAsync(recordKey, computed, cancellationToken).ConfigureAwait(false);
        var indexed = record with { MatchKeys = keys };
        var outcome = await SettleAsync([recordKey, .. changedOthers], (indexed, existing), keys, cancellationToken).ConfigureAwait(false);
        if (crossings.Count > 0)
        {
            outcome = outcome.Combine(await ReevaluateAsync(crossings, cancellationToken).ConfigureAwait(false));
        }

        return outcome;
    }

    private async Task<(SortedDictionary<string, IdentityEntry> Candidates, HashSet<string> Crossings)> FindCandidatesAsync(
        string recordKey, List<string> keys, List<string> oldKeys, CancellationToken cancellationToken)
    {
        var cap = _options.MaxBlockSize;
        var candidates = new SortedDictionary<string, IdentityEntry>(StringComparer.Ordinal);
        var crossings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var (items, _) = await _store.Identity.QueryAsync(key, new DocumentQuery(Limit: cap + 2), cancellationToken).ConfigureAwait(false);
            var others = items.Where(i => i.Document.RecordKey != recordKey).Select(i => i.Document).ToList();
            if (others.Count + 1 > cap)
            {
                // Too common to tell anyone apart (a shared switchboard, a frequent name): no candidates from it.
                if (others.Count == cap && !oldKeys.Contains(key))
                {
                    // This record tips it over: the records that found each other through it look again.
                    crossings.UnionWith(others.Select(o => o.RecordKey));
                }

                continue;
            }

            foreach (var other in others)
            {
                candidates.TryAdd(other.RecordKey, other);
            }
        }

        foreach (var key in oldKeys.Except(keys, StringComparer.Ordinal))
        {
            var (items, _) = await _store.Identity.QueryAsync(key, new DocumentQuery(Limit: cap + 2), cancellationToken).ConfigureAwait(false);
            var others = items.Where(i => i.Document.RecordKey != recordKey).Select(i => i.Document.RecordKey).ToList();
            if (others.Count == cap)
            {
                // Without this record the key is usable again.
                crossings.UnionWith(others);
            }
        }

        return (candidates, crossings);
    }

    private async Task<MatchFeatures?> CandidateFeaturesAsync(IdentityEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Version is not null && _features.TryGetValue(entry.RecordKey, out var cached) && cached.Version == entry.Version)
        {
            return cached;
        }

        var found = await _store.Records.GetAsync(DocumentKey.Single(entry.RecordKey), cancellationToken).ConfigureAwait(false);
        return found is { Document: { Deleted: false, Kind: RecordKind.Party } record } ? FeaturesOf(record) : null;
    }

    /// <summary>Replaces the record's computed relations with <paramref name="computed"/>; returns the other records whose relation changed.</summary>
    private async Task<IReadOnlyList<string>> WriteRelationsAsync(string recordKey, SortedDictionary<string, PairEvidence> computed, CancellationToken cancellationToken)
    {
        var stored = await _store.Links.QueryAllAsync(recordKey, cancellationToken).ConfigureAwait(false);
        var old = stored.Where(s => s.Document.DecisionId is null).ToDictionary(s => s.Document.OtherKey, s => s.Document, StringComparer.Ordinal);
        var writes = new List<DocumentWrite>();
        var changed = new List<string>();
        var now = _time.GetUtcNow();
        foreach (var (otherKey, relation) in old)
        {
            if (!computed.ContainsKey(otherKey))
            {
                writes.Add(_store.Links.Delete(new DocumentKey(recordKey, IdentityLink.IdFor(otherKey, null))));
                writes.Add(_store.Links.Delete(new DocumentKey(otherKey, IdentityLink.IdFor(recordKey, null))));
                if (relation.Decision == LinkDecision.Possible)
                {
                    writes.Add(_store.Reviews.Delete(DocumentKey.Single(ReviewItem.IdFor(recordKey, otherKey))));
                }

                changed.Add(otherKey);
            }
        }

        foreach (var (otherKey, evidence) in computed)
        {
            if (old.TryGetValue(otherKey, out var before) && before.Decision == evidence.Decision && before.Score.Equals(evidence.Score)
                && before.ModelVersion == _scorer.Model.Version && before.Comparisons.SequenceEqual(evidence.Comparisons))
            {
                continue;
            }

            var link = new IdentityLink
            {
                RecordKey = recordKey,
                OtherKey = otherKey,
                Decision = evidence.Decision,
                Score = evidence.Score,
                Comparisons = [.. evidence.Comparisons],
                Rules = [.. evidence.Rules],
                ModelVersion = _scorer.Model.Version,
                DecidedAt = now,
            };
            var mirror = link with
            {
                RecordKey = otherKey,
                OtherKey = recordKey,
                Comparisons = evidence.Comparisons.Select(c => c with { Value = c.OtherValue, OtherValue = c.Value }).ToList(),
            };
            writes.Add(_store.Links.Upsert(new DocumentKey(recordKey, IdentityLink.IdFor(otherKey, null)), link));
            writes.Add(_store.Links.Upsert(new DocumentKey(otherKey, IdentityLink.IdFor(recordKey, null)), mirror));
            var reviewKey = DocumentKey.Single(ReviewItem.IdFor(recordKey, otherKey));
            if (evidence.Decision == LinkDecision.Possible)
            {
                var (first, second) = string.CompareOrdinal(recordKey, otherKey) <= 0 ? (recordKey, otherKey) : (otherKey, recordKey);
                writes.Add(_store.Reviews.Upsert(reviewKey, new ReviewItem(reviewKey.Id, first, second, evidence.Score, now)));
            }
            else if (before?.Decision == LinkDecision.Possible)
            {
                writes.Add(_store.Reviews.Delete(reviewKey));
            }

            changed.Add(otherKey);
        }

        if (writes.Count > 0)
        {
            await _store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>The features of every live record of the group, reading those not read yet.</summary>
    private async Task<Dictionary<string, MatchFeatures>> FeaturesOfAsync(ComponentReader.Component group, SourceRecord? changed, CancellationToken cancellationToken)
    {
        var live = group.Nodes.Values.Where(n => !n.Deleted).ToList();
        var unread = live.Where(n => n.Stored is null && n.Key != changed?.RecordKey).Select(n => DocumentKey.Single(n.Key)).ToList();
        foreach (var read in await _store.Records.GetManyAsync(unread, cancellationToken).ConfigureAwait(false))
        {
            group.Nodes[read.Key.Id].Stored = read;
        }

        var features = new Dictionary<string, MatchFeatures>(StringComparer.Ordinal);
        foreach (var node in live)
        {
            var record = node.Key == changed?.RecordKey ? changed : node.Stored?.Document
                ?? throw new DocumentConflictException(Containers.Records, DocumentKey.Single(node.Key), "a member record is gone");
            features[node.Key] = FeaturesOf(record);
        }

        return features;
    }

    private async Task<IdentityOutcome> SettleAsync(
        IReadOnlyCollection<string> seeds,
        (SourceRecord Record, Versioned<SourceRecord>? Existing)? changed,
        IReadOnlyList<string> changedKeys,
        CancellationToken cancellationToken)
    {
        var group = await ComponentReader.ReadAsync(_store, seeds, changed, _options.MaxComponentSize, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var features = await FeaturesOfAsync(group, changed?.Record, cancellationToken).ConfigureAwait(false);
        var scores = new Dictionary<(string, string), double>();
        double PairScore(string a, string b)
        {
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (!scores.TryGetValue(key, out var score))
            {
                scores[key] = score = _scorer.Score(features[key.Item1], features[key.Item2]).Score;
            }

            return score;
        }

        var plan = ProfilePlanner.Derive(group, now, _options.MaxProfileSize, PairScore, _scorer.Policy.LinkThreshold - 10);
        var ids = await ProfilePlanner.AssignIdsAsync(_store, group, plan, cancellationToken).ConfigureAwait(false);
        var writes = new List<DocumentWrite>();
        var outcome = ProfilePlanner.Write(_store, group, plan, ids, now, writes);

        foreach (var node in group.Nodes.Values)
        {
            if (node.Deleted || (changed is { } c && node.Key == c.Record.RecordKey))
            {
                continue;
            }

            var profileId = ids.ClusterIds[plan.ClusterOf[node.Key]];
            if (node.ProfileId != profileId)
            {
                var stored = node.Stored ?? await _store.Records.GetAsync(DocumentKey.Single(node.Key), cancellationToken).ConfigureAwait(false)
                    ?? throw new DocumentConflictException(Containers.Records, DocumentKey.Single(node.Key), "a member record is gone");
                var moved = stored.Document with { ProfileId = profileId };
                writes.Add(_store.Records.Replace(stored.Key, moved, stored.ETag));
                foreach (var key in moved.MatchKeys)
                {
                    writes.Add(_store.Identity.Upsert(new DocumentKey(key, moved.RecordKey), new IdentityEntry(moved.RecordKey, profileId, VersionOf(moved))));
                }
            }
        }

        if (changed is { } change)
        {
            var record = change.Record;
            var profileId = record.Deleted || !plan.ClusterOf.TryGetValue(record.RecordKey, out var cluster) ? null : ids.ClusterIds[cluster];
            var final = record with { ProfileId = profileId, MatchKeys = [.. changedKeys] };
            foreach (var key in (change.Existing?.Document.MatchKeys ?? []).Except(changedKeys, StringComparer.Ordinal))
            {
                writes.Add(_store.Identity.Delete(new DocumentKey(key, record.RecordKey)));
            }

            foreach (var key in changedKeys)
            {
                writes.Add(_store.Identity.Upsert(new DocumentKey(key, record.RecordKey), new IdentityEntry(record.RecordKey, profileId ?? string.Empty, VersionOf(record))));
            }

            // The record goes last: a crash before it leaves the change to be applied again in full.
            writes.Add(change.Existing is null ? _store.Records.Create(DocumentKey.Single(record.RecordKey), final) : _store.Records.Replace(change.Existing.Key, final, change.Existing.ETag));
        }

        await _store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        if (changed is { } updated)
        {
            // The changed record's profile is recomposed even when its membership stayed the same.
            var profiles = new[] { updated.Record.ProfileId, updated.Record.Deleted || !plan.ClusterOf.TryGetValue(updated.Record.RecordKey, out var own) ? null : ids.ClusterIds[own] };
            outcome = outcome with { Touched = outcome.Touched.Union(profiles.OfType<string>(), StringComparer.Ordinal).ToList() };
        }

        return outcome;
    }
}
