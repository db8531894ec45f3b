using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Privacy;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Privacy;

/// <summary>
/// Erasure (right to be forgotten): removes a person everywhere and suppresses their identifiers.
/// A change: the pipeline writes its audit record (naming the erased profiles and which kinds of
/// identifier were given, never their values) durably before the report is answered.
/// </summary>
public sealed class ErasureHandlers(ErasureService erasure, FieldScopePolicy policy)
{
    public async Task<IResult> EraseAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await request.BodyAsync(ApiJsonContext.Default.ErasureRequest).ConfigureAwait(false);
        var given = new[] { ("profileId", body.ProfileId), ("email", body.Email), ("phone", body.Phone), ("recordKey", body.RecordKey) }
            .Where(g => g.Item2 is not null).Select(g => g.Item1).ToList();
        request.AuditDetail = "erasure by " + (given.Count == 0 ? "nothing" : string.Join(", ", given));
        if (given.Count == 0)
        {
            throw ApiProblemException.BadRequest("Say who to erase.", "Send a JSON body with profileId, email, phone or recordKey.");
        }

        if (body.ProfileId is not null && !ProfileIds.IsWellFormed(body.ProfileId))
        {
            throw ApiProblemException.MalformedProfileId();
        }

        if (body.Email is not null && EmailAddress.Normalize(body.Email) is null)
        {
            throw ApiProblemException.BadRequest("The email address is malformed.", "Pass a complete address such as jane@example.com.");
        }

        if (body.Phone is not null && (body.Phone.Length > 64 || !body.Phone.Any(char.IsAsciiDigit)))
        {
            throw ApiProblemException.BadRequest("The phone number is malformed.", "Pass the number in international form such as +13125550100.");
        }

        if (body.RecordKey is not null && (body.RecordKey.Length > 512 || body.RecordKey.Count(c => c == '/') < 2))
        {
            throw ApiProblemException.BadRequest("The record key is malformed.", "Record keys look like source/entityType/recordId.");
        }

        // The person is erased even if the caller goes away meanwhile: a half-done erasure helps nobody.
        var report = await erasure.EraseAsync(body, CancellationToken.None).ConfigureAwait(false);
        request.AuditDetail += " (" + report.ErasureId + ")";
        request.Changed(report.ProfileIds);
        var scoped = ScopedView.Of(policy, JsonSerializer.SerializeToUtf8Bytes(report, ApiJsonContext.Default.ErasureReport), ScopeRoots.Erasure, policy.MaskWithoutOwnership(request.Caller));
        request.Disclosed(report.ProfileIds, scoped.Groups);
        return Results.Bytes(scoped.Body, "application/json; charset=utf-8");
    }
}
