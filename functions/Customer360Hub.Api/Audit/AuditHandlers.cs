using System.Globalization;
using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Auditing;
using Customer360Hub.Resolution;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Audit;

/// <summary>Reading the audit trail (privacy and admin roles). Reading it is itself audited.</summary>
public sealed class AuditHandlers(IAuditLog log, TimeProvider time)
{
    public const int MaxPage = 1000;

    public async Task<IResult> QueryAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var to = Instant(request, "to") ?? now.AddSeconds(1);
        var from = Instant(request, "from") ?? to.AddDays(-1);
        if (from >= to)
        {
            throw ApiProblemException.BadRequest("The time window is empty.", "from must be before to.");
        }

        var profileId = request.Query("profileId");
        if (profileId is not null && !ProfileIds.IsWellFormed(profileId))
        {
            throw ApiProblemException.MalformedProfileId();
        }

        var caller = request.Query("caller");
        if (caller is { Length: 0 or > 200 })
        {
            throw ApiProblemException.BadRequest("The caller is malformed.", "Give the caller's name as it appears in audit records (at most 200 characters).");
        }

        var limit = request.QueryInt("limit", 100, 1, MaxPage);
        AuditPage page;
        try
        {
            page = await log.QueryAsync(new AuditQuery(from, to, profileId, caller, limit, request.Query("cursor")), request.Aborted).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            throw ApiProblemException.BadRequest("The cursor is not valid.", "Pass the nextCursor of the previous page unchanged, with the same query.");
        }

        request.AuditDetail = "audit query";
        request.Disclosed(profileId is null ? [] : [profileId], []);
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(page, ApiJsonContext.Default.AuditPage), "application/json; charset=utf-8");
    }

    private static DateTimeOffset? Instant(ApiRequest request, string name)
    {
        var text = request.Query(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw ApiProblemException.BadRequest($"The query parameter '{name}' is not a date and time.", "Use ISO 8601, e.g. 2026-11-02T09:30:00Z.");
    }
}
