using Customer360Hub.Api.Profiles;
using Customer360Hub.Privacy;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Privacy;

/// <summary>Erasure (right to be forgotten): removes a person everywhere and suppresses their identifiers.</summary>
public sealed class ErasureHandlers(ErasureService erasure)
{
    public async Task<IResult> EraseAsync(ErasureRequest? request, CancellationToken cancellationToken = default)
    {
        if (request is null || (request.ProfileId is null && request.Email is null && request.Phone is null && request.RecordKey is null))
        {
            return Problems.BadRequest("Say who to erase.", "Send a JSON body with profileId, email, phone or recordKey.");
        }

        if (request.ProfileId is not null && !ProfileIds.IsWellFormed(request.ProfileId))
        {
            return Problems.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 hexadecimal digits.");
        }

        if (request.Email is not null && EmailAddress.Normalize(request.Email) is null)
        {
            return Problems.BadRequest("The email address is malformed.", "Pass a complete address such as jane@example.com.");
        }

        if (request.Phone is not null && (request.Phone.Length > 64 || !request.Phone.Any(char.IsAsciiDigit)))
        {
            return Problems.BadRequest("The phone number is malformed.", "Pass the number in international form such as +13125550100.");
        }

        if (request.RecordKey is not null && (request.RecordKey.Length > 512 || request.RecordKey.Count(c => c == '/') < 2))
        {
            return Problems.BadRequest("The record key is malformed.", "Record keys look like source/entityType/recordId.");
        }

        var report = await erasure.EraseAsync(request, cancellationToken).ConfigureAwait(false);
        return Results.Json(report, ApiJsonContext.Default.ErasureReport);
    }
}
