using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Customer360Hub.Accounts;
using Customer360Hub.Changes;
using Customer360Hub.History;
using Customer360Hub.Profiles;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Customer360Hub.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// The profile endpoints' logic, shared by the local host (minimal API routes) and the
/// Functions app (HTTP triggers). Each returns an <see cref="IResult"/>; errors are RFC 9457 problems.
/// </summary>
public sealed class ProfileHandlers(HubStore store, ProfileHistory history, AccountReader accounts, IOptions<QualityOptions> quality, TimeProvider time)
{
    private const int MaxTimelinePage = 200;

    /// <summary>Entries looked at per timeline request at most, so a rare type filter cannot make one request scan a whole timeline.</summary>
    private const int MaxTimelineScan = 2000;

    public async Task<IResult> GetProfileAsync(string id, bool? lineage = null, string? asOf = null, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(id))
        {
            return Problems.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 hexadecimal digits.");
        }

        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return Problems.BadRequest("asOf is not a time.", "Pass an ISO 8601 time such as 2026-03-01T00:00:00Z.");
            }

            var past = await history.AsOfAsync(id, at, cancellationToken).ConfigureAwait(false);
            return past is null
                ? Problems.NotFound($"No profile '{id}' at {at.UtcDateTime:O}.")
                : Results.Json(ToView(past, null, null, lineage == true, at, null), ApiJsonContext.Default.ProfileView);
        }

        var profile = await store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return Problems.NotFound($"No profile '{id}'.");
        }

        var current = profile.Document;
        var score = await store.Scores.GetAsync(DocumentKey.Single(current.Id), cancellationToken).ConfigureAwait(false);
        var aggregates = await store.Aggregates.GetAsync(new DocumentKey(current.Id, ProfileAggregates.DocumentId), cancellationToken).ConfigureAwait(false);
        var accountId = await accounts.AccountOfAsync(current, cancellationToken).ConfigureAwait(false);
        return Results.Json(ToView(current, aggregates?.Document, score?.Document, lineage == true, null, accountId), ApiJsonContext.Default.ProfileView);
    }

    public async Task<IResult> LookupAsync(string? email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return Problems.BadRequest("A lookup needs a query.", "Pass ?email=address.");
        }

        if (email.Length > 320 || MatchKeys.EmailKey(email) is not { } key)
        {
            return Problems.BadRequest("The email address is malformed.", "Pass a complete address such as jane@example.com.");
        }

        var (entries, _) = await store.Identity.QueryAsync(key, new DocumentQuery(Limit: 1), cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return Problems.NotFound("No profile has that email address.");
        }

        return await GetProfileAsync(entries[0].Document.ProfileId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unified timeline, newest first, optionally of some kinds only (<c>types=ticket,invoice</c>).</summary>
    public async Task<IResult> GetTimelineAsync(string id, int? limit, string? cursor, string? types = null, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(id))
        {
            return Problems.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 hexadecimal digits.");
        }

        if (limit is < 1 or > MaxTimelinePage)
        {
            return Problems.BadRequest("The limit is out of range.", $"Use 1 to {MaxTimelinePage}.");
        }

        HashSet<string>? kinds = null;
        if (!string.IsNullOrWhiteSpace(types))
        {
            kinds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!KindNames.TryParse(name, out var kind) || kind == RecordKind.Party)
                {
                    return Problems.BadRequest("Unknown timeline type.", "Use a comma-separated list of: order, invoice, payment, subscription, ticket, marketingEvent, interaction, opportunity, usage.");
                }

                kinds.Add(KindNames.ToName(kind));
            }
        }

        string? below = null;
        if (cursor is not null && (below = DecodeCursor(cursor)) is null)
        {
            return Problems.BadRequest("The cursor is not valid.", "Pass the nextCursor of the previous page unchanged.");
        }

        var profile = await store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return Problems.NotFound($"No profile '{id}'.");
        }

        var wanted = limit ?? 50;
        var items = new List<TimelineEntry>(wanted);
        var scanned = 0;
        var more = true;
        while (items.Count < wanted && scanned < MaxTimelineScan)
        {
            var (page, next) = await store.Timeline.QueryAsync(
                profile.Document.Id,
                new DocumentQuery(Limit: kinds is null ? wanted - items.Count : 100, Descending: true, IdPrefix: TimelineEntry.IdPrefix, IdBelow: below),
                cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                more = false;
                break;
            }

            var consumed = 0;
            foreach (var entry in page)
            {
                consumed++;
                scanned++;
                below = entry.Key.Id;
                if (kinds is null || kinds.Contains(entry.Document.Kind))
                {
                    items.Add(entry.Document);
                    if (items.Count == wanted)
                    {
                        break;
                    }
                }
            }

            if (next is null && consumed == page.Count)
            {
                more = false;
                break;
            }
        }

        return Results.Json(new TimelinePage(profile.Document.Id, items, more && below is not null ? EncodeCursor(below) : null), ApiJsonContext.Default.TimelinePage);
    }

    private static string EncodeCursor(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id));

    private static string? DecodeCursor(string cursor)
    {
        if (cursor.Length > 2048)
        {
            return null;
        }

        try
        {
            var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return id.StartsWith(TimelineEntry.IdPrefix, StringComparison.Ordinal) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ProfileView ToView(GoldenProfile profile, ProfileAggregates? aggregates, ProfileScore? score, bool lineage, DateTimeOffset? asOf, string? accountId)
    {
        var now = time.GetUtcNow();
        var settings = quality.Value;
        return new ProfileView(
            profile.Id,
            profile.CreatedAt,
            profile.UpdatedAt,
            asOf,
            profile.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value,
            AccountTypes.Of(profile, aggregates),
            accountId,
            profile.HouseholdId,
            profile.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value.Value, StringComparer.Ordinal),
            lineage ? profile.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value, StringComparer.Ordinal) : null,
            profile.ContactPoints,
            profile.Consent.ToDictionary(c => c.Key, c => lineage ? c.Value : c.Value with { Alternatives = null }, StringComparer.Ordinal),
            profile.Emails,
            profile.Sources,
            profile.Freshness.ToDictionary(
                f => f.Key,
                f => new FreshnessView(f.Value.LastModifiedAt, f.Value.LastPulledAt, (asOf ?? now) - f.Value.LastModifiedAt > settings.StaleAfterFor(f.Key)),
                StringComparer.Ordinal),
            profile.Completeness,
            profile.Members.Select(m =>
            {
                var (source, entityType, recordId) = RecordKeys.Parse(m.RecordKey);
                return new MemberView(source, entityType, recordId, m.LinkedAt, m.Rule);
            }).ToList(),
            aggregates?.Counts ?? [],
            asOf is null ? AggregateSummary.Of(aggregates, now) : null,
            score,
            profile.Engine);
    }
}
