using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// The profile endpoints' logic, shared by the local host (minimal API routes) and the
/// Functions app (HTTP triggers). Each returns an <see cref="IResult"/>; errors are RFC 9457 problems.
/// </summary>
public sealed class ProfileHandlers(HubStore store)
{
    private const int MaxTimelinePage = 200;

    public async Task<IResult> GetProfileAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(id))
        {
            return Problems.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 hexadecimal digits.");
        }

        var profile = await store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return Problems.NotFound($"No profile '{id}'.");
        }

        var score = await store.Scores.GetAsync(DocumentKey.Single(profile.Document.Id), cancellationToken).ConfigureAwait(false);
        return Results.Json(ToView(profile.Document, score?.Document), ApiJsonContext.Default.ProfileView);
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

        return await GetProfileAsync(entries[0].Document.ProfileId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IResult> GetTimelineAsync(string id, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(id))
        {
            return Problems.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 hexadecimal digits.");
        }

        if (limit is < 1 or > MaxTimelinePage)
        {
            return Problems.BadRequest("The limit is out of range.", $"Use 1 to {MaxTimelinePage}.");
        }

        var profile = await store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return Problems.NotFound($"No profile '{id}'.");
        }

        try
        {
            var (items, next) = await store.Timeline.QueryAsync(
                profile.Document.Id,
                new DocumentQuery(Limit: limit ?? 50, Descending: true, ContinuationToken: cursor),
                cancellationToken).ConfigureAwait(false);
            return Results.Json(new TimelinePage(profile.Document.Id, items.Select(i => i.Document).ToList(), next), ApiJsonContext.Default.TimelinePage);
        }
        catch (ArgumentException)
        {
            return Problems.BadRequest("The cursor is not valid.", "Pass the nextCursor of the previous page unchanged.");
        }
    }

    private static ProfileView ToView(GoldenProfile profile, ProfileScore? score) => new(
        profile.Id,
        profile.CreatedAt,
        profile.UpdatedAt,
        profile.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value, StringComparer.Ordinal),
        profile.Emails,
        profile.Sources,
        profile.Members.Select(m =>
        {
            var (source, entityType, recordId) = RecordKeys.Parse(m.RecordKey);
            return new MemberView(source, entityType, recordId, m.LinkedAt, m.Rule);
        }).ToList(),
        profile.TransactionCounts,
        score,
        profile.Engine);
}
