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
    private readonly IdentityDocuments _documents;
    private readonly OrganizationContacts _contacts;
    private readonly ConcurrentDictionary<string, PreparedRecord> _prepared = new(StringComparer.Ordinal);

    // A block read: one more than the cap with the record itself, to see a block that is too common.
    private readonly DocumentQuery _blockQuery;
    private int _preparedCount;

    public IdentityResolver(HubStore store, PairScorer scorer, IOptions<IdentityOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _scorer = scorer;
        _options = options.Value;
        _time = time;
        _blockQuery = new DocumentQuery(Limit: _options.MaxBlockSize + 2);
        _documents = new IdentityDocuments(store, _options.FeatureCacheSize);
        _contacts = new OrganizationContacts(_documents, FeaturesOfStored);
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
        return await ProcessAsync(record, existing, cascade: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Scores the records again against their candidates and re-derives their profiles (after a
    /// model change, or when a blocking key became too common or usable again).
    /// </summary>
    public Task<IdentityOutcome> ReevaluateAsync(IEnumerable<string> recordKeys, CancellationToken cancellationToken = default) =>
        ReevaluateAsync(recordKeys, cascade: true, cancellationToken);

    /// <summary>Re-derives the profiles around the records without re-scoring them (after a steward decision).</summary>
    public Task<IdentityOutcome> SettleAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        return SettleAsync(recordKeys, null, cascade: true, cancellationToken);
    }

    /// <param name="cascade">False for the organisations re-evaluated after their contacts' profiles changed: what they change does not cascade further.</param>
    private async Task<IdentityOutcome> ReevaluateAsync(IEnumerable<string> recordKeys, bool cascade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordKeys);
        var outcome = IdentityOutcome.None;
        foreach (var key in recordKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var existing = await _store.Records.GetAsync(DocumentKey.Single(key), cancellationToken).ConfigureAwait(false);
            if (existing is { Document: { Kind: RecordKind.Party, Deleted: false } record })
            {
                outcome = outcome.Combine(await ProcessAsync(record, existing, cascade, cancellationToken).ConfigureAwait(false));
            }
        }

        return outcome;
    }

    /// <summary>
    /// The relation with its field-by-field evidence. Stored relations keep a summary (decision,
    /// score, rules, model); the comparisons are a pure function of the two records and the model,
    /// so they are recomputed here. Steward relations, and relations of a record that is gone, are
    /// returned as stored.
    /// </summary>
    public async Task<IdentityLink> WithComparisonsAsync(IdentityLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.DecisionId is not null || link.Comparisons.Count > 0)
        {
            return link;
        }

        var found = (await _store.Records.GetManyAsync([DocumentKey.Single(link.RecordKey), DocumentKey.Single(link.OtherKey)], cancellationToken).ConfigureAwait(false))
            .Where(f => f.Document is { Deleted: false, Kind: RecordKind.Party })
            .ToDictionary(f => f.Key.Id, f => f.Document, StringComparer.Ordinal);
        if (!found.TryGetValue(link.RecordKey, out var record) || !found.TryGetValue(link.OtherKey, out var other))
        {
            return link;
        }

        var (features, otherFeatures) = (FeaturesOf(record), FeaturesOf(other));
        var contacts = features.IsOrganization && otherFeatures.IsOrganization
            ? Overlap(await _contacts.ProfilesOfAsync(link.RecordKey, cancellationToken).ConfigureAwait(false), await _contacts.ProfilesOfAsync(link.OtherKey, cancellationToken).ConfigureAwait(false))
            : (ContactOverlap?)null;
        var evidence = _scorer.Score(features, otherFeatures, withComparisons: true, contacts);
        return link with { Comparisons = [.. evidence.Comparisons] };
    }

    /// <summary>The normalised features of a stored record (cached by record version).</summary>
    public MatchFeatures FeaturesOf(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Prepare(record).Features;
    }

    /// <summary>
    /// Keeps features normalised elsewhere (a batch reader normalises ahead on another core), so
    /// resolving their record does not normalise it again. Features of another version are
    /// simply never used.
    /// </summary>
    public void Remember(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Keep(Prepare(features));
    }

    /// <summary>The version string features and index entries carry for a record (source clock and version).</summary>
    public static string VersionOf(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return VersionOf(record.ModifiedAt, record.SourceVersion);
    }

    /// <summary>The version string of a record changed at <paramref name="modifiedAt"/> in source version <paramref name="sourceVersion"/>.</summary>
    public static string VersionOf(DateTimeOffset modifiedAt, string sourceVersion) =>
        modifiedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + sourceVersion;

    private PreparedRecord Prepare(SourceRecord record)
    {
        var version = VersionOf(record);
        if (_prepared.TryGetValue(record.RecordKey, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var features = FeatureExtractor.Extract(record.RecordKey, version, record.Attributes, _options.DefaultCountry, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        return Keep(Prepare(features));
    }

    private PreparedRecord Prepare(MatchFeatures features)
    {
        var common = _scorer.Model.CommonKeys;
        var keys = BlockingKeys.For(features).Where(k => !common.Contains(k)).ToArray();
        return new PreparedRecord(features, keys, _store.Identity.Serialize(EntryOf(features.RecordKey, null, features.Version)));
    }

    private PreparedRecord Keep(PreparedRecord prepared)
    {
        if (_options.FeatureCacheSize > 0)
        {
            // Counted apart: ConcurrentDictionary.Count takes every lock.
            if (!_prepared.ContainsKey(prepared.Features.RecordKey) && Interlocked.Increment(ref _preparedCount) > _options.FeatureCacheSize)
            {
                _prepared.Clear();
                Interlocked.Exchange(ref _preparedCount, 1);
            }

            _prepared[prepared.Features.RecordKey] = prepared;
        }

        return prepared;
    }

    /// <summary>The features of a stored record read as a head and its document (null for a deleted or non-party record).</summary>
    private MatchFeatures? FeaturesOfStored(RecordHead head, StoredDocument stored)
    {
        if (head.Deleted || head.Kind != RecordKind.Party)
        {
            return null;
        }

        return _prepared.TryGetValue(head.RecordKey, out var cached) && cached.Version == VersionOf(head)
            ? cached.Features
            : Prepare(_store.Records.Deserialize(stored.Body)).Features;
    }

    private static ContactOverlap Overlap(HashSet<string> profiles, HashSet<string> otherProfiles) =>
        new(profiles.Count(otherProfiles.Contains), profiles.Count, otherProfiles.Count);

    /// <summary>
    /// The index entry of a record under one key. Only email keys carry the profile (lookups by
    /// email read it); the others stay the same while the record moves between profiles.
    /// </summary>
    private static IdentityEntry EntryOf(string recordKey, string? profileId, string version) => new(recordKey, profileId ?? string.Empty, version);

    private static bool IsLookupKey(string key) => key.StartsWith(BlockingKeys.EmailPrefix, StringComparison.Ordinal);

    private DocumentWrite IndexWrite(string key, string recordKey, string? profileId, PreparedRecord prepared) =>
        IsLookupKey(key)
            ? _store.Identity.Upsert(new DocumentKey(key, recordKey), EntryOf(recordKey, profileId, prepared.Version))
            : DocumentWrite.Upsert(Containers.Identity, new DocumentKey(key, recordKey), prepared.EntryBody);

    private async Task<IdentityOutcome> ProcessAsync(SourceRecord record, Versioned<SourceRecord>? existing, bool cascade, CancellationToken cancellationToken)
    {
        var recordKey = record.RecordKey;
        var prepared = record.Deleted ? null : Prepare(record);
        var keys = prepared?.Keys ?? [];
        var oldKeys = existing?.Document.MatchKeys ?? [];
        var (candidates, crossings) = await FindCandidatesAsync(recordKey, keys, oldKeys, cancellationToken).ConfigureAwait(false);

        HashSet<string>? contactProfiles = null;
        if (prepared is { Features.IsOrganization: true })
        {
            // Organisations whose contacts are the same people are candidates whatever their names.
            contactProfiles = await _contacts.ProfilesOfAsync(recordKey, cancellationToken).ConfigureAwait(false);
            foreach (var organization in await _contacts.SharingAsync(recordKey, contactProfiles, cancellationToken).ConfigureAwait(false))
            {
                candidates.TryAdd(organization, null);
            }
        }

        var computed = new SortedDictionary<string, PairEvidence>(StringComparer.Ordinal);
        if (prepared is not null)
        {
            foreach (var (otherKey, entry) in candidates)
            {
                var other = await CandidateFeaturesAsync(otherKey, entry, cancellationToken).ConfigureAwait(false);
                if (other is null)
                {
                    continue;
                }

                var contacts = contactProfiles is not null && other.IsOrganization
                    ? Overlap(contactProfiles, await _contacts.ProfilesOfAsync(otherKey, cancellationToken).ConfigureAwait(false))
                    : (ContactOverlap?)null;
                var evidence = _scorer.Score(prepared.Features, other, withComparisons: false, contacts);
                if (evidence.Decision != LinkDecision.None)
                {
                    computed[otherKey] = evidence;
                }
            }
        }

        var changedOthers = await WriteRelationsAsync(recordKey, computed, cancellationToken).ConfigureAwait(false);
        var indexed = record with { MatchKeys = [.. prepared?.IndexKeys ?? []] };
        var outcome = IdentityOutcome.None;
        var unchanged = existing is not null && ReferenceEquals(record, existing.Document) && changedOthers.Count == 0 && indexed.MatchKeys.SequenceEqual(oldKeys, StringComparer.Ordinal);
        if (!unchanged)
        {
            // A re-evaluation that changed no relation and no key cannot change any profile.
            outcome = await SettleAsync([recordKey, .. changedOthers], (indexed, existing, prepared), cascade, cancellationToken).ConfigureAwait(false);
        }

        if (crossings.Count > 0)
        {
            outcome = outcome.Combine(await ReevaluateAsync(crossings, cascade, cancellationToken).ConfigureAwait(false));
        }

        return outcome;
    }

    /// <summary>The records sharing a usable blocking key with this one (by record key, with their index entry), and the records to look again after a key crossed the cap.</summary>
    private async Task<(Dictionary<string, StoredDocument?> Candidates, HashSet<string> Crossings)> FindCandidatesAsync(
        string recordKey, string[] keys, List<string> oldKeys, CancellationToken cancellationToken)
    {
        var cap = _options.MaxBlockSize;
        var candidates = new Dictionary<string, StoredDocument?>(StringComparer.Ordinal);
        var crossings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // The entry ids are the record keys: a block too common to use is seen without decoding it.
            var block = (await _store.Documents.QueryAsync(Containers.Identity, key, _blockQuery, cancellationToken).ConfigureAwait(false)).Items;
            var held = block.Any(i => i.Key.Id == recordKey);
            var others = block.Count - (held ? 1 : 0);
            if (others + 1 > cap)
            {
                // Too common to tell anyone apart (a shared switchboard, a frequent name): no candidates from it.
                if (others == cap && !oldKeys.Contains(key))
                {
                    // This record tips it over: the records that found each other through it look again.
                    crossings.UnionWith(block.Select(i => i.Key.Id).Where(k => k != recordKey));
                }

                continue;
            }

            foreach (var item in block)
            {
                if (item.Key.Id != recordKey)
                {
                    candidates.TryAdd(item.Key.Id, item);
                }
            }
        }

        foreach (var key in oldKeys.Except(keys, StringComparer.Ordinal).Where(k => !OrganizationContacts.IsContactKey(k)))
        {
            var block = (await _store.Documents.QueryAsync(Containers.Identity, key, _blockQuery, cancellationToken).ConfigureAwait(false)).Items;
            var others = block.Select(i => i.Key.Id).Where(k => k != recordKey).ToList();
            if (others.Count == cap)
            {
                // Without this record the key is usable again.
                crossings.UnionWith(others);
            }
        }

        return (candidates, crossings);
    }

    /// <param name="entry">The candidate's index entry, or null for a candidate found through contacts.</param>
    private async ValueTask<MatchFeatures?> CandidateFeaturesAsync(string recordKey, StoredDocument? entry, CancellationToken cancellationToken)
    {
        if (entry is not null && _prepared.TryGetValue(recordKey, out var cached)
            && (entry.Body.Span.SequenceEqual(cached.EntryBody) || _store.Identity.Deserialize(entry.Body).Version == cached.Version))
        {
            return cached.Features;
        }

        var found = await _documents.HeadAsync(recordKey, cancellationToken).ConfigureAwait(false);
        return found is { } stored ? FeaturesOfStored(stored.Head, stored.Stored) : null;
    }

    /// <summary>Replaces the record's computed relations with <paramref name="computed"/>; returns the other records whose relation changed.</summary>
    private async Task<IReadOnlyList<string>> WriteRelationsAsync(string recordKey, SortedDictionary<string, PairEvidence> computed, CancellationToken cancellationToken)
    {
        var stored = await _documents.RelationsAsync(recordKey, withPossibleMatches: true, cancellationToken).ConfigureAwait(false);
        var old = stored.Where(s => s.DecisionId is null).ToDictionary(s => s.OtherKey, StringComparer.Ordinal);
        var writes = new List<DocumentWrite>();
        var changed = new List<string>();
        var now = _time.GetUtcNow();
        foreach (var (otherKey, relation) in old)
        {
            var gone = !computed.TryGetValue(otherKey, out var current);
            if (gone || (current!.Decision == LinkDecision.Possible) != (relation.Decision == LinkDecision.Possible))
            {
                // Gone, or moving between the ids of possible matches and of the rest.
                writes.Add(_documents.DeleteRelation(new DocumentKey(recordKey, IdentityLink.IdFor(otherKey, null, relation.Decision))));
                writes.Add(_documents.DeleteRelation(new DocumentKey(otherKey, IdentityLink.IdFor(recordKey, null, relation.Decision))));
            }

            if (gone)
            {
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
                && before.ModelVersion == _scorer.Model.Version && before.Rules.SequenceEqual(evidence.Rules))
            {
                continue;
            }

            // The evidence kept is its summary (decision, score, rules, model): the comparisons
            // are a pure function of the two records and the model, recomputed for explanations.
            var link = new IdentityLink
            {
                RecordKey = recordKey,
                OtherKey = otherKey,
                Decision = evidence.Decision,
                Score = evidence.Score,
                Rules = [.. evidence.Rules],
                ModelVersion = _scorer.Model.Version,
                DecidedAt = now,
            };
            writes.Add(_documents.WriteRelation(link));
            writes.Add(_documents.WriteRelation(link with { RecordKey = otherKey, OtherKey = recordKey }));
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

    /// <summary>The prepared form of every live record of the group, reading the records whose current version is not prepared yet.</summary>
    private async Task<Dictionary<string, PreparedRecord>> PreparedOfAsync(ComponentReader.Component group, (SourceRecord Record, PreparedRecord? Prepared)? changed, CancellationToken cancellationToken)
    {
        var prepared = new Dictionary<string, PreparedRecord>(StringComparer.Ordinal);
        var unread = new List<ComponentReader.Node>();
        foreach (var node in group.Nodes.Values)
        {
            if (node.Deleted)
            {
                continue;
            }

            if (changed is { Prepared: { } own } && node.Key == changed.Value.Record.RecordKey)
            {
                prepared[node.Key] = own;
            }
            else if (_prepared.TryGetValue(node.Key, out var cached) && cached.Version == VersionOf(node.Head))
            {
                prepared[node.Key] = cached;
            }
            else
            {
                unread.Add(node);
            }
        }

        foreach (var node in unread)
        {
            var record = (node.Stored is { } stored ? _store.Records.Deserialize(stored.Body) : null)
                ?? (await _store.Records.GetAsync(DocumentKey.Single(node.Key), cancellationToken).ConfigureAwait(false))?.Document
                ?? throw new DocumentConflictException(Containers.Records, DocumentKey.Single(node.Key), "a member record is gone");
            prepared[node.Key] = Prepare(record);
        }

        return prepared;
    }

    private static string VersionOf(RecordHead head) => VersionOf(head.ModifiedAt, head.SourceVersion);

    private async Task<IdentityOutcome> SettleAsync(
        IReadOnlyCollection<string> seeds,
        (SourceRecord Record, Versioned<SourceRecord>? Existing, PreparedRecord? Prepared)? changed,
        bool cascade,
        CancellationToken cancellationToken)
    {
        var group = await ComponentReader.ReadAsync(_documents, seeds, changed?.Record, _options.MaxComponentSize, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var prepared = await PreparedOfAsync(group, changed is { } c ? (c.Record, c.Prepared) : null, cancellationToken).ConfigureAwait(false);

        // A pair with a computed relation has its score stored on it (the same pure function of
        // the two records and the model); only pairs without one are scored here. Records that
        // say they are different people score negative infinity, which the solver takes as a veto.
        var scores = new Dictionary<(string, string), double>();
        foreach (var node in group.Nodes.Values)
        {
            foreach (var relation in node.Relations)
            {
                if (relation.DecisionId is null && string.CompareOrdinal(node.Key, relation.OtherKey) < 0 && relation.ModelVersion == _scorer.Model.Version
                    && prepared.TryGetValue(node.Key, out var own) && prepared.TryGetValue(relation.OtherKey, out var other))
                {
                    scores[(node.Key, relation.OtherKey)] = PairComparer.DifferentPeople(own.Features, other.Features) ? double.NegativeInfinity : relation.Score;
                }
            }
        }

        double PairScore(string a, string b)
        {
            var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (!scores.TryGetValue(key, out var score))
            {
                var (first, second) = (prepared[key.Item1].Features, prepared[key.Item2].Features);
                scores[key] = score = PairComparer.DifferentPeople(first, second)
                    ? double.NegativeInfinity
                    : _scorer.Score(first, second, withComparisons: false).Score;
            }

            return score;
        }

        var plan = ProfilePlanner.Derive(group, now, _options.MaxProfileSize, PairScore, _scorer.Policy.LinkThreshold - 10);
        var ids = await ProfilePlanner.AssignIdsAsync(_documents, group, plan, cancellationToken).ConfigureAwait(false);
        var writes = new List<DocumentWrite>();
        var outcome = ProfilePlanner.Write(_documents, group, plan, ids, now, writes);

        foreach (var node in group.Nodes.Values)
        {
            if (node.Deleted || (changed is { } ch && node.Key == ch.Record.RecordKey))
            {
                continue;
            }

            var profileId = ids.ClusterIds[plan.ClusterOf[node.Key]];
            if (node.ProfileId != profileId)
            {
                var stored = node.Stored ?? throw new DocumentConflictException(Containers.Records, DocumentKey.Single(node.Key), "a member record is gone");
                var moved = _store.Records.Deserialize(stored.Body) with { ProfileId = profileId };
                writes.Add(_documents.WriteRecord(_store.Records.Replace(stored.Key, moved, stored.ETag), moved));
                foreach (var key in moved.MatchKeys.Where(IsLookupKey))
                {
                    writes.Add(_store.Identity.Upsert(new DocumentKey(key, moved.RecordKey), EntryOf(moved.RecordKey, profileId, VersionOf(moved))));
                }
            }
        }

        if (changed is { } change)
        {
            var record = change.Record;
            var profileId = record.Deleted || !plan.ClusterOf.TryGetValue(record.RecordKey, out var cluster) ? null : ids.ClusterIds[cluster];
            var final = record with { ProfileId = profileId };
            foreach (var key in (change.Existing?.Document.MatchKeys ?? []).Except(record.MatchKeys, StringComparer.Ordinal))
            {
                writes.Add(_store.Identity.Delete(new DocumentKey(key, record.RecordKey)));
            }

            if (change.Prepared is { } indexed)
            {
                foreach (var key in record.MatchKeys)
                {
                    writes.Add(IndexWrite(key, record.RecordKey, profileId, indexed));
                }
            }

            // The record goes last: a crash before it leaves the change to be applied again in full.
            writes.Add(_documents.WriteRecord(
                change.Existing is null ? _store.Records.Create(DocumentKey.Single(record.RecordKey), final) : _store.Records.Replace(change.Existing.Key, final, change.Existing.ETag),
                final));
        }

        await _store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        if (changed is { } updated)
        {
            // The changed record's profile is recomposed even when its membership stayed the same.
            var profiles = new[] { updated.Record.ProfileId, updated.Record.Deleted || !plan.ClusterOf.TryGetValue(updated.Record.RecordKey, out var own) ? null : ids.ClusterIds[own] };
            outcome = outcome with { Touched = outcome.Touched.Union(profiles.OfType<string>(), StringComparer.Ordinal).ToList() };
        }

        if (cascade && OrganizationsToReevaluate(group, plan, ids, prepared, changed) is { Count: > 0 } organizations)
        {
            outcome = outcome.Combine(await ReevaluateAsync(organizations, cascade: false, cancellationToken).ConfigureAwait(false));
        }

        return outcome;
    }

    /// <summary>
    /// The organisations whose contacts now share a profile with contacts of another organisation,
    /// or no longer do: those named by records that joined, left or changed a profile in which
    /// people name two organisations or more.
    /// </summary>
    private SortedSet<string> OrganizationsToReevaluate(
        ComponentReader.Component group,
        ProfilePlanner.Plan plan,
        ProfilePlanner.Ids ids,
        Dictionary<string, PreparedRecord> prepared,
        (SourceRecord Record, Versioned<SourceRecord>? Existing, PreparedRecord? Prepared)? changed)
    {
        string? AccountOf(string key) => prepared.TryGetValue(key, out var p) ? p.Features.AccountRef : null;
        var organizations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in group.Nodes.Values)
        {
            var isChanged = changed is { } c && node.Key == c.Record.RecordKey;
            var cluster = node.Deleted || !plan.ClusterOf.TryGetValue(node.Key, out var at) ? -1 : at;
            var profileId = cluster < 0 ? null : ids.ClusterIds[cluster];
            if (!isChanged && node.ProfileId == profileId)
            {
                continue;
            }

            var own = new HashSet<string>(StringComparer.Ordinal);
            if (AccountOf(node.Key) is { } account)
            {
                own.Add(account);
            }

            if (isChanged && changed!.Value.Existing is { Document: { Deleted: false } before } && FeaturesOf(before).AccountRef is { } previous)
            {
                own.Add(previous);
            }

            var accounts = new HashSet<string>(own, StringComparer.Ordinal);
            if (cluster >= 0)
            {
                accounts.UnionWith(plan.Clusters[cluster].Select(AccountOf).OfType<string>());
            }

            if (node.ProfileId is { } old && group.Profiles.TryGetValue(old, out var oldProfile))
            {
                accounts.UnionWith(oldProfile.Document.Members.Select(m => AccountOf(m.RecordKey)).OfType<string>());
            }

            if (accounts.Count >= 2)
            {
                organizations.UnionWith(own);
            }
        }

        return organizations;
    }
}
