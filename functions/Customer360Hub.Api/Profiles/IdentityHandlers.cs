using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// The identity endpoints, in the style of <see cref="ProfileHandlers"/>: why a profile's records
/// belong together, the possible-match review queue, and audited steward decisions.
/// </summary>
public sealed class IdentityHandlers(IdentityExplainer explainer, StewardActions steward, Storage.HubStore store)
{
    private const int MaxReviews = 500;

    public async Task<IResult> ExplainAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(id))
        {
            return Problems.BadRequest("The profile id is malformed.", "Profile ids look like 'p-' followed by 20 hexadecimal digits.");
        }

        var explanation = await explainer.ExplainAsync(id, cancellationToken).ConfigureAwait(false);
        return explanation is null ? Problems.NotFound($"No profile '{id}'.") : Results.Json(explanation, ApiJsonContext.Default.ProfileExplanation);
    }

    /// <summary>Open possible matches, strongest first (at most 500).</summary>
    public async Task<IResult> ListReviewsAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<ReviewItem>();
        await foreach (var item in store.Reviews.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item.Document);
        }

        return Results.Json(items.OrderByDescending(i => i.Score).ThenBy(i => i.Id, StringComparer.Ordinal).Take(MaxReviews).ToList(), ApiJsonContext.Default.ListReviewItem);
    }

    public async Task<IResult> DecideAsync(StewardRequest? request, string caller, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            return Problems.BadRequest("A decision needs a body.", "Post {\"action\": \"neverMatch|forceMatch|merge|split\", \"reason\": \"...\", ...}.");
        }

        var context = new StewardContext(caller, request.Reason ?? string.Empty, request.EffectiveFrom);
        try
        {
            var result = request.Action switch
            {
                "neverMatch" => await steward.NeverMatchAsync(Required(request.RecordKey, "recordKey"), Required(request.OtherKey, "otherKey"), context, cancellationToken).ConfigureAwait(false),
                "forceMatch" => await steward.ForceMatchAsync(Required(request.RecordKey, "recordKey"), Required(request.OtherKey, "otherKey"), context, cancellationToken).ConfigureAwait(false),
                "merge" => await steward.MergeAsync(Required(request.ProfileId, "profileId"), Required(request.OtherProfileId, "otherProfileId"), context, cancellationToken).ConfigureAwait(false),
                "split" => await steward.SplitAsync(Required(request.ProfileId, "profileId"), request.RecordKeys ?? [], context, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException($"Unknown action '{request.Action}'. Use neverMatch, forceMatch, merge or split."),
            };
            return Results.Json(result, ApiJsonContext.Default.StewardResult, statusCode: StatusCodes.Status201Created);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest("The decision cannot be taken.", ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return Problems.NotFound(ex.Message);
        }
    }

    public async Task<IResult> RevokeAsync(string decisionId, RevokeRequest? request, string caller, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await steward.RevokeAsync(decisionId, new StewardContext(caller, request?.Reason ?? string.Empty), cancellationToken).ConfigureAwait(false);
            return Results.Json(result, ApiJsonContext.Default.StewardResult);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest("The decision cannot be revoked.", ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return Problems.NotFound(ex.Message);
        }
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"'{name}' is required for this action.") : value;
}
