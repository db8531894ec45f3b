using Customer360Hub.Accounts;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Storage;
using Customer360Hub.Telemetry;
using Customer360Hub.Timeline;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Scoring;

/// <summary>
/// Scores profiles: reads each profile's aggregates (an account's together with its contacts'),
/// runs the health model, explains the change since the last snapshot, detects signals (with the
/// anomaly guard on drops), and writes the score, the day's snapshot and the portfolio rows in one
/// unit of work; then sends the alerts. A contact's change scores its account. Shared by the
/// scorer (profile-changes) and the daily snapshot job.
/// </summary>
public sealed class HealthScorer(
    HubStore store,
    AccountReader accounts,
    HealthModel model,
    SignalDetector detector,
    AnomalyGuard guard,
    ExpansionRuleCache rules,
    AlertDispatcher alerts,
    IOptions<SignalOptions> signalOptions,
    TimeProvider time)
{
    /// <summary>Scores the profiles and returns the scores written (accounts in place of their contacts).</summary>
    public async Task<IReadOnlyList<ProfileScore>> ScoreAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var now = time.GetUtcNow();
        var scored = new List<(ProfileScore Score, string? Owner)>();
        await using (var work = store.BeginUnitOfWork())
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var id in profileIds)
            {
                var found = await store.Profiles.GetAsync(DocumentKey.Single(id), cancellationToken).ConfigureAwait(false);
                if (found is null || found.Document.RedirectTo is not null)
                {
                    await RemoveAsync(id, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var account = IsOrganization(found.Document) ? null : await accounts.AccountOfAsync(found.Document, cancellationToken).ConfigureAwait(false);
                if (account is not null && account != id)
                {
                    // A contact's activity counts toward its account's health; the contact has no score of its own.
                    await RemoveAsync(id, cancellationToken).ConfigureAwait(false);
                    targets.Add(account);
                }
                else
                {
                    targets.Add(id);
                }
            }

            foreach (var id in targets)
            {
                if (await ScoreOneAsync(id, now, cancellationToken).ConfigureAwait(false) is { } result)
                {
                    scored.Add(result);
                }
            }

            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (score, owner) in scored)
        {
            await alerts.DispatchAsync(score, owner, cancellationToken).ConfigureAwait(false);
        }

        return scored.Select(s => s.Score).ToList();
    }

    private async Task<(ProfileScore Score, string? Owner)?> ScoreOneAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await store.Profiles.GetAsync(DocumentKey.Single(id), cancellationToken).ConfigureAwait(false);
        if (found is null || found.Document.RedirectTo is not null)
        {
            await RemoveAsync(id, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var profile = found.Document;
        var settings = signalOptions.Value;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var partyType = profile.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value;
        var members = new List<string> { id };
        if (IsOrganization(profile))
        {
            members.AddRange(await accounts.ContactIdsAsync(profile, cancellationToken).ConfigureAwait(false));
        }

        var parts = await store.Aggregates.GetManyAsync(members.Select(m => new DocumentKey(m, ProfileAggregates.DocumentId)).ToList(), cancellationToken).ConfigureAwait(false);
        var aggregates = AggregateCalculator.Combine(id, parts.Select(p => p.Document).DefaultIfEmpty(new ProfileAggregates { ProfileId = id }));
        var assessment = model.Evaluate(partyType, aggregates, now);

        var previous = (await store.Scores.GetAsync(DocumentKey.Single(id), cancellationToken).ConfigureAwait(false))?.Document;
        var (snapshots, _) = await store.Snapshots.QueryAsync(
            id,
            new DocumentQuery(Limit: settings.DropWindowDays + 2, Descending: true, IdPrefix: HealthSnapshot.IdPrefix),
            cancellationToken).ConfigureAwait(false);
        var todays = snapshots.Select(s => s.Document).FirstOrDefault(s => s.Day == today);
        var lastDay = snapshots.Select(s => s.Document).FirstOrDefault(s => s.Day < today);
        var change = ChangeExplainer.Explain(assessment, lastDay);
        var drop = await CheckDropAsync(partyType, members, aggregates, assessment, snapshots.Select(s => s.Document), today, now, cancellationToken).ConfigureAwait(false);

        var held = aggregates.Subscriptions.Values.Select(s => s.Product).OfType<string>()
            .Concat(aggregates.ProductsBought.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleSet = await rules.GetAsync(cancellationToken).ConfigureAwait(false);
        var signals = detector.Detect(assessment, aggregates, now, drop, ruleSet?.Recommend(assessment.Segment, held), previous?.Signals ?? []);

        var name = profile.Fields.GetValueOrDefault(CanonicalFields.CompanyName)?.Value ?? profile.Fields.GetValueOrDefault(CanonicalFields.FullName)?.Value;
        var rows = Rows(id, name, assessment, signals, now);
        var score = new ProfileScore
        {
            ProfileId = id,
            ScoredAt = now,
            Model = ProfileScore.CurrentModel,
            Segment = assessment.Segment,
            Score = assessment.Score,
            Band = assessment.Band,
            Confidence = assessment.Confidence,
            Factors = assessment.Factors,
            Change = change,
            Signals = [.. signals],
            ChurnProbability = assessment.ChurnProbability,
            Arr = assessment.Arr,
            Currency = assessment.ArrCurrency,
            RiskAmount = assessment.RiskAmount,
            Products = held,
            Contacts = members.Count - 1,
            Name = name,
            PortfolioRows = rows.Select(r => r.Key.Id).ToList(),
        };

        if (score.Score is { } value)
        {
            HubTelemetry.ProfileHealth.Record(value / 100.0, new KeyValuePair<string, object?>("segment", score.Segment), new KeyValuePair<string, object?>("model", score.Model));
        }

        var writes = new List<DocumentWrite>();
        foreach (var stale in (previous?.PortfolioRows ?? []).Except(score.PortfolioRows, StringComparer.Ordinal))
        {
            writes.Add(store.PortfolioRows.Delete(new DocumentKey(PortfolioEntry.ListOf(stale), stale)));
        }

        writes.AddRange(rows.Select(r => store.PortfolioRows.Upsert(r.Key, r.Row)));
        writes.Add(store.Scores.Upsert(DocumentKey.Single(id), score));
        var snapshot = HealthSnapshot.Of(id, today, now, assessment, todays);
        writes.Add(store.Snapshots.Upsert(new DocumentKey(id, snapshot.Id), snapshot) with { TimeToLive = model.Options.SnapshotRetention });
        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        return (score, profile.Fields.GetValueOrDefault(CanonicalFields.Owner)?.Value);
    }

    /// <summary>
    /// A drop of the threshold or more against the best day of the drop window before today (a
    /// day counts with its last score); with the record it hinges on, if any. Scores within a day
    /// are left out: while a load or backfill is arriving, a profile passes through partial states
    /// (a perfect score on the first factor to arrive), and a drop from those would be a false alarm
    /// that depends on the order the records came in.
    /// </summary>
    private async Task<DropCheck?> CheckDropAsync(
        string? partyType, IReadOnlyList<string> members, ProfileAggregates aggregates, HealthAssessment assessment,
        IEnumerable<HealthSnapshot> snapshots, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = signalOptions.Value;
        var reference = snapshots
            .Where(s => s.Score is not null && s.Day < today && s.Day >= today.AddDays(-settings.DropWindowDays))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Day)
            .FirstOrDefault();
        if (assessment.Score is not { } score || reference?.Score is not { } high || high - score < settings.DropPoints)
        {
            return null;
        }

        var change = ChangeExplainer.Explain(assessment, reference)!;
        var entries = new List<TimelineEntry>();
        foreach (var member in members)
        {
            string? continuation = null;
            do
            {
                var (page, next) = await store.Timeline.QueryAsync(
                    member,
                    new DocumentQuery(Limit: 500, Descending: true, IdPrefix: TimelineEntry.IdPrefix, ContinuationToken: continuation),
                    cancellationToken).ConfigureAwait(false);
                entries.AddRange(page.Select(p => p.Document));
                continuation = entries.Count < settings.GuardMaxEntries ? next : null;
            }
            while (continuation is not null);
        }

        var hinge = guard.Find(partyType, aggregates, entries.OrderByDescending(e => e.OccurredAt).Take(settings.GuardMaxEntries), now, high, settings.DropPoints);
        return new DropCheck(high, reference.Day, change, hinge?.Entry, hinge?.ScoreWithout);
    }

    private static List<(DocumentKey Key, PortfolioEntry Row)> Rows(string id, string? name, HealthAssessment assessment, IReadOnlyList<HealthSignal> signals, DateTimeOffset now)
    {
        var rows = new List<(DocumentKey, PortfolioEntry)>();
        foreach (var signal in signals)
        {
            var rowId = signal.Kind switch
            {
                SignalKinds.ChurnRisk => PortfolioEntry.ChurnRiskId(signal.Amount ?? 0, id),
                SignalKinds.Expansion when !rows.Any(r => r.Item2.Product is not null) => PortfolioEntry.ExpansionId(signal.Confidence ?? 0, id),
                _ => null,
            };
            if (rowId is null)
            {
                continue;
            }

            rows.Add((new DocumentKey(PortfolioEntry.ListOf(rowId), rowId), new PortfolioEntry
            {
                ProfileId = id,
                Name = name,
                Segment = assessment.Segment,
                Score = assessment.Score,
                Band = assessment.Band,
                Arr = assessment.Arr,
                Currency = assessment.ArrCurrency,
                ChurnProbability = signal.Kind == SignalKinds.ChurnRisk ? assessment.ChurnProbability : null,
                RiskAmount = signal.Kind == SignalKinds.ChurnRisk ? signal.Amount : null,
                Product = signal.Product,
                Confidence = signal.Confidence,
                Detail = signal.Detail,
                NextStep = signal.NextStep,
                ScoredAt = now,
            }));
        }

        return rows;
    }

    /// <summary>Takes a profile's score and portfolio rows away (merged away, deleted, or now a contact). Snapshots stay as history.</summary>
    private async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var previous = await store.Scores.GetAsync(DocumentKey.Single(id), cancellationToken).ConfigureAwait(false);
        if (previous is null)
        {
            return;
        }

        var writes = previous.Document.PortfolioRows.Select(r => store.PortfolioRows.Delete(new DocumentKey(PortfolioEntry.ListOf(r), r))).ToList();
        writes.Add(store.Scores.Delete(DocumentKey.Single(id)));
        await store.Documents.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOrganization(GoldenProfile profile) =>
        profile.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value == "organization";
}
