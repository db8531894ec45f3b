using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Scores;

/// <summary>
/// Health and signals: a profile's score with its explanation, signals and history, and the
/// portfolio (distribution, trend, churn risk, expansion). Only roles that see the health field
/// group may read them; every read is audited with the profiles it shows.
/// </summary>
public sealed class HealthHandlers(HealthQueries health, PortfolioQueries portfolio, FieldScopePolicy policy)
{
    public const int MaxSegment = 64;

    public async Task<IResult> GetHealthAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Route("id");
        if (!ProfileIds.IsWellFormed(id))
        {
            throw ApiProblemException.MalformedProfileId();
        }

        RequireHealthGroup(request);
        var days = request.QueryInt("historyDays", 90, 0, HealthQueries.MaxHistoryDays);
        var view = await health.GetAsync(id, days, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No profile '{id}'.");
        if (view.ProfileId != id)
        {
            return ProfileRenderer.Redirect(request, view.ProfileId);
        }

        return Respond(request, view, ApiJsonContext.Default.ProfileHealthView, [.. new[] { view.ProfileId, view.ScoredProfileId }.Distinct(StringComparer.Ordinal)]);
    }

    public async Task<IResult> GetDistributionAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireHealthGroup(request);
        var summary = await portfolio.DistributionAsync(request.Aborted).ConfigureAwait(false)
            ?? throw ApiProblemException.NotFound("No portfolio summary yet: the daily health snapshot job writes the first one.");
        return Respond(request, summary, ApiJsonContext.Default.PortfolioSummary, []);
    }

    public async Task<IResult> GetTrendAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireHealthGroup(request);
        var days = request.QueryInt("days", 90, 1, PortfolioQueries.MaxTrendDays);
        var segment = Segment(request);
        var points = await portfolio.TrendAsync(days, segment, request.Aborted).ConfigureAwait(false);
        return Respond(request, new PortfolioTrend(segment, days, points), ApiJsonContext.Default.PortfolioTrend, []);
    }

    public Task<IResult> ListChurnRiskAsync(ApiRequest request) =>
        ListAsync(request, (limit, cursor, segment, ct) => portfolio.ChurnRiskAsync(limit, cursor, segment, ct));

    public Task<IResult> ListExpansionAsync(ApiRequest request) =>
        ListAsync(request, (limit, cursor, segment, ct) => portfolio.ExpansionAsync(limit, cursor, segment, ct));

    private async Task<IResult> ListAsync(ApiRequest request, Func<int, string?, string?, CancellationToken, Task<PortfolioPage>> read)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireHealthGroup(request);
        var limit = request.QueryInt("limit", 50, 1, PortfolioQueries.MaxLimit);
        var segment = Segment(request);
        PortfolioPage page;
        try
        {
            page = await read(limit, Cursors.Decode(request.Query("cursor")), segment, request.Aborted).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The store refused the continuation inside a well-formed cursor.
            throw Cursors.Invalid();
        }

        return Respond(request, new PortfolioList(page.Items, Cursors.Encode(page.ContinuationToken)), ApiJsonContext.Default.PortfolioList, [.. page.Items.Select(i => i.ProfileId)]);
    }

    private void RequireHealthGroup(ApiRequest request)
    {
        if (!policy.Sees(policy.MaskWithoutOwnership(request.Caller), FieldGroups.Health))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "Not allowed for this role.", "The caller's role may not see health scores and signals (the health field group).");
        }
    }

    private static string? Segment(ApiRequest request)
    {
        var segment = request.Query("segment");
        if (segment is not null && (segment.Length > MaxSegment || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw ApiProblemException.BadRequest("The segment is malformed.", $"A segment name has at most {MaxSegment} letters, digits, '-' or '_'.");
        }

        return segment;
    }

    private static IResult Respond<T>(ApiRequest request, T view, JsonTypeInfo<T> type, IReadOnlyList<string> profileIds)
    {
        request.Disclosed(profileIds, [FieldGroups.Health]);
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(view, type), "application/json; charset=utf-8");
    }
}
