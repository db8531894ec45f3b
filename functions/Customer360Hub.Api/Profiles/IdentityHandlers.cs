using System.Text.Json;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Profiles;

/// <summary>
/// The identity operations: why a profile's records belong together (scoped: a compared value is
/// sent only to a role that sees that field), the possible-match review queue, and steward
/// decisions and their revocation (changes: the pipeline audits each durably before answering).
/// </summary>
public sealed class IdentityHandlers(IdentityExplainer explainer, StewardActions steward, HubStore store, FieldScopePolicy policy)
{
    public const int MaxReviews = 500;

    /// <summary>Matcher field names that differ from the golden field they compare.</summary>
    private static readonly Dictionary<string, string> ComparedFields = new(StringComparer.Ordinal)
    {
        ["address"] = "addressLine1",
        ["company"] = "companyName",
    };

    public async Task<IResult> ExplainAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Route("id");
        if (!ProfileIds.IsWellFormed(id))
        {
            throw ApiProblemException.MalformedProfileId();
        }

        var explanation = await explainer.ExplainAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No profile '{id}'.");
        if (explanation.ProfileId != id)
        {
            return ProfileRenderer.Redirect(request, explanation.ProfileId);
        }

        var mask = policy.MaskWithoutOwnership(request.Caller);
        var visible = explanation with
        {
            Links = Masked(explanation.Links, mask),
            PossibleMatches = Masked(explanation.PossibleMatches, mask),
            Households = Masked(explanation.Households, mask),
        };
        return ScopedView.Of(policy, JsonSerializer.SerializeToUtf8Bytes(visible, ApiJsonContext.Default.ProfileExplanation), ScopeRoots.Explanation, mask)
            .Respond(request, [explanation.ProfileId]);
    }

    /// <summary>Open possible matches, strongest first (at most <see cref="MaxReviews"/>): record keys and scores, no profile values.</summary>
    public async Task<IResult> ListReviewsAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<ReviewItem>();
        await foreach (var item in store.Reviews.ScanAsync(request.Aborted).ConfigureAwait(false))
        {
            items.Add(item.Document);
        }

        request.AuditDetail = "review queue";
        request.Disclosed([], []);
        var list = new ReviewList([.. items.OrderByDescending(i => i.Score).ThenBy(i => i.Id, StringComparer.Ordinal).Take(MaxReviews)]);
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(list, ApiJsonContext.Default.ReviewList), "application/json; charset=utf-8");
    }

    public async Task<IResult> DecideAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await request.BodyAsync(ApiJsonContext.Default.StewardRequest).ConfigureAwait(false);
        request.AuditDetail = "steward decision " + (body.Action is { Length: <= 20 } action ? action : "(unknown action)");
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            throw ApiProblemException.BadRequest("A decision needs a reason.", "Say why in \"reason\": it is kept with the decision.");
        }

        var context = new StewardContext(request.Caller.Name, body.Reason, body.EffectiveFrom);
        var result = await RunAsync(() => body.Action switch
        {
            "neverMatch" => steward.NeverMatchAsync(Required(body.RecordKey, "recordKey"), Required(body.OtherKey, "otherKey"), context, CancellationToken.None),
            "forceMatch" => steward.ForceMatchAsync(Required(body.RecordKey, "recordKey"), Required(body.OtherKey, "otherKey"), context, CancellationToken.None),
            "merge" => steward.MergeAsync(Required(body.ProfileId, "profileId"), Required(body.OtherProfileId, "otherProfileId"), context, CancellationToken.None),
            "split" => steward.SplitAsync(Required(body.ProfileId, "profileId"), body.RecordKeys ?? [], context, CancellationToken.None),
            _ => throw new ArgumentException($"Unknown action '{body.Action}'. Use neverMatch, forceMatch, merge or split."),
        }, "The decision cannot be taken.").ConfigureAwait(false);
        return Changed(request, result, StatusCodes.Status201Created);
    }

    public async Task<IResult> RevokeAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decisionId = request.Route("id");
        var body = await request.BodyAsync(ApiJsonContext.Default.RevokeRequest).ConfigureAwait(false);
        request.AuditDetail = "revocation of steward decision " + (decisionId.Length <= 100 ? decisionId : decisionId[..100]);
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            throw ApiProblemException.BadRequest("A revocation needs a reason.", "Say why in \"reason\": it is kept with the decision.");
        }

        var result = await RunAsync(() => steward.RevokeAsync(decisionId, new StewardContext(request.Caller.Name, body.Reason), CancellationToken.None), "The decision cannot be revoked.").ConfigureAwait(false);
        return Changed(request, result, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Runs a steward action to its end even if the caller goes away (its audit record follows it);
    /// a refused action is 400, an unknown record, profile or decision 404.
    /// </summary>
    private static async Task<StewardResult> RunAsync(Func<Task<StewardResult>> action, string refused)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw ApiProblemException.BadRequest(refused, ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            throw ApiProblemException.NotFound(ex.Message);
        }
    }

    /// <summary>The decision as answered (record keys, profile ids, the steward's own reason: no profile values, so not scoped).</summary>
    private static IResult Changed(ApiRequest request, StewardResult result, int status)
    {
        request.AuditDetail += " " + result.Decision.Id;
        request.Changed([.. result.Decision.ProfileIds.Union(result.Outcome.Touched, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        return Results.Json(result, ApiJsonContext.Default.StewardResult, statusCode: status);
    }

    /// <summary>The relations with every compared value of a field the caller may not see left out (the level and weight stay).</summary>
    private IReadOnlyList<IdentityLink> Masked(IReadOnlyList<IdentityLink> links, ulong mask) =>
        [.. links.Select(link => link with
        {
            Comparisons = [.. link.Comparisons.Select(c => Sees(c, mask) ? c : c with { Value = null, OtherValue = null })],
        })];

    private bool Sees(FieldComparison comparison, ulong mask)
    {
        var field = ComparedFields.GetValueOrDefault(comparison.Field) ?? ApiNames.Field(comparison.Field);
        return policy.IsVisible($"{ScopeRoots.Profile}.fields.{field}", mask)
            // A company compared by the domain of the emails shows that domain: part of the email.
            && (comparison.Level != "same-email-domain" || policy.IsVisible($"{ScopeRoots.Profile}.fields.email", mask));
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"'{name}' is required for this action.") : value;
}
