using Customer360Hub.Api.Accounts;
using Customer360Hub.Api.Audit;
using Customer360Hub.Api.Connectors;
using Customer360Hub.Api.DeadLetters;
using Customer360Hub.Api.Scores;
using Customer360Hub.Api.OpenApi;
using Customer360Hub.Api.Privacy;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Quality;
using Customer360Hub.Auditing;
using Customer360Hub.Privacy;
using Customer360Hub.Quality;
using Customer360Hub.Resolution;
using Customer360Hub.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Customer360Hub.Api.Security.Roles;

namespace Customer360Hub.Api.Pipeline;

/// <summary>The catalog of operations under <c>/api/v1</c>: one place for routes, roles, parameters and handlers.</summary>
public sealed class ApiOperations
{
    public const string GetProfile = "getProfile";
    public const string LookupProfile = "lookupProfile";
    public const string SearchProfiles = "searchProfiles";
    public const string GetTimeline = "getTimeline";
    public const string ExplainProfile = "explainProfile";
    public const string ListReviews = "listReviews";
    public const string RecordStewardDecision = "recordStewardDecision";
    public const string RevokeStewardDecision = "revokeStewardDecision";
    public const string GetHealth = "getHealth";
    public const string GetPortfolioHealth = "getPortfolioHealth";
    public const string GetPortfolioTrend = "getPortfolioTrend";
    public const string ListChurnRisk = "listChurnRisk";
    public const string ListExpansion = "listExpansion";
    public const string GetAccount = "getAccount";
    public const string GetHousehold = "getHousehold";
    public const string GetQualityReport = "getQualityReport";
    public const string RequestErasure = "requestErasure";
    public const string QueryAudit = "queryAudit";
    public const string ListDeadLetters = "listDeadLetters";
    public const string ReplayDeadLetters = "replayDeadLetters";
    public const string ListConnectors = "listConnectors";
    public const string GetOpenApi = "getOpenApi";

    private static readonly string[] Readers = [Sales, Support, Finance, Success, Steward, Security.Roles.Privacy, Admin];
    private static readonly string[] Auditors = [Security.Roles.Privacy, Admin];
    private static readonly string[] QualityReaders = [Steward, Security.Roles.Privacy, Admin];
    private static readonly string[] Erasers = [Security.Roles.Privacy, Admin];
    private static readonly string[] Operators = [Admin];
    private static readonly string[] IdentityReaders = [Steward, Admin];
    private static readonly string[] Stewards = [Steward];

    private readonly Dictionary<string, ApiOperation> _byId;
    private readonly Lazy<byte[]> _openApi;

    public ApiOperations()
    {
        var id = ApiParameter.Path("id", "A profile id (p- followed by 20 hexadecimal digits); a merged id redirects to the survivor.", "p-0123456789abcdef0123");
        var cursor = ApiParameter.Query("cursor", "The nextCursor of the previous page.", maxLength: 2048);
        var topic = ApiParameter.Path("topic", "A topic: source-changes or profile-changes.", "source-changes");
        var segment = ApiParameter.Query("segment", "Only this segment (as configured in Health:Segments).", maxLength: HealthHandlers.MaxSegment);
        var limit = ApiParameter.Query("limit", "Rows per page (default 50).", "integer", "int32", 1, PortfolioQueries.MaxLimit);
        var subscription = ApiParameter.Path("subscription", "One of the topic's subscriptions (resolver; scorer, lookup-indexer).", "resolver");
        All =
        [
            new(GetProfile, "GET", "/api/v1/profiles/{id}", "Profiles", "Get a profile, scoped to the caller's role: current, with lineage, or as it was at a past moment",
                Readers,
                [
                    id,
                    ApiParameter.Query("lineage", "true: add where each golden value came from, the rule that made it win and the values that lost (roles that see the lineage group).", "boolean"),
                    ApiParameter.Query("asOf", "Read the profile as the hub served it at this moment, ISO 8601 (without aggregates and score, which are current only).", format: "date-time"),
                ],
                typeof(ProfileView), [200, 304, 308, 400, 401, 403, 404], r => Service<ProfileHandlers>(r).GetProfileAsync(r)),
            new(LookupProfile, "GET", "/api/v1/profiles/lookup", "Profiles", "Find the profile with an email, a phone or a source system's id",
                Readers,
                [
                    ApiParameter.Query("email", "An email address.", maxLength: 320),
                    ApiParameter.Query("phone", "A phone number, E.164 or national.", maxLength: 40),
                    ApiParameter.Query("region", "Two-letter region for a national phone number.", maxLength: 2),
                    ApiParameter.Query("source", "A source system (salesforce, stripe, businesscentral, zendesk, ...).", maxLength: 64),
                    ApiParameter.Query("sourceId", "The record's id in that system (e.g. a Salesforce Account Id).", maxLength: 200),
                    ApiParameter.Query("entityType", "Optional: the record's entity type in that system (account, contact, customer, ...).", maxLength: 64),
                ],
                typeof(ProfileView), [200, 304, 400, 401, 403, 404, 409], r => Service<ProfileHandlers>(r).LookupAsync(r)),
            new(SearchProfiles, "GET", "/api/v1/profiles/search", "Profiles", "Search profiles by name or company (word prefixes), a page at a time",
                Readers,
                [
                    ApiParameter.Query("name", "Words of a person's name; each matches the start of a name word.", maxLength: 200),
                    ApiParameter.Query("company", "Words of a company name.", maxLength: 200),
                    ApiParameter.Query("limit", "Results per page (default 25).", "integer", "int32", 1, ProfileHandlers.MaxSearchPage),
                    cursor,
                ],
                typeof(SearchPage), [200, 400, 401, 403], r => Service<ProfileHandlers>(r).SearchAsync(r)),
            new(GetTimeline, "GET", "/api/v1/profiles/{id}/timeline", "Profiles", "A profile's timeline, newest first, a page at a time",
                Readers,
                [
                    id,
                    ApiParameter.Query("limit", "Items per page (default 50).", "integer", "int32", 1, ProfileHandlers.MaxTimelinePage),
                    cursor,
                    ApiParameter.Query("kind", "Comma-separated kinds: order, invoice, payment, subscription, ticket, marketingEvent, interaction, opportunity, usage.", maxLength: 300),
                ],
                typeof(TimelinePage), [200, 308, 400, 401, 403, 404], r => Service<ProfileHandlers>(r).GetTimelineAsync(r)),
            new(ExplainProfile, "GET", "/api/v1/profiles/{id}/explain", "Identity", "Why a profile's records belong together: the relations with their evidence, possible matches, household relations and steward decisions (compared values only of fields the role sees)",
                IdentityReaders, [id], typeof(ProfileExplanation), [200, 308, 400, 401, 403, 404], r => Service<IdentityHandlers>(r).ExplainAsync(r)),
            new(ListReviews, "GET", "/api/v1/identity/reviews", "Identity", "Open possible matches waiting for a steward, strongest first (at most 500)",
                IdentityReaders, [], typeof(ReviewList), [200, 401, 403], r => Service<IdentityHandlers>(r).ListReviewsAsync(r)),
            new(RecordStewardDecision, "POST", "/api/v1/identity/decisions", "Identity", "A steward decision: neverMatch or forceMatch two records, merge two profiles, or split records off a profile; stored with who, when and why, applied at once",
                Stewards, [], typeof(StewardResult), [201, 400, 401, 403, 404, 413, 415], r => Service<IdentityHandlers>(r).DecideAsync(r))
            {
                RequestType = typeof(StewardRequest),
                IsChange = true,
            },
            new(RevokeStewardDecision, "POST", "/api/v1/identity/decisions/{id}/revoke", "Identity", "End a steward decision; the records are re-evaluated without it",
                Stewards, [ApiParameter.Path("id", "The decision's id.", "d-0123456789abcdef0123456789abcdef")], typeof(StewardResult), [200, 400, 401, 403, 404, 413, 415], r => Service<IdentityHandlers>(r).RevokeAsync(r))
            {
                RequestType = typeof(RevokeRequest),
                IsChange = true,
            },
            new(GetHealth, "GET", "/api/v1/profiles/{id}/health", "Health", "A profile's health: score and band with each factor's contribution, the change in words, signals with next steps, churn risk and the daily history (a contact's health is its account's)",
                Readers,
                [id, ApiParameter.Query("historyDays", "Days of daily history (default 90, 0 for none).", "integer", "int32", 0, HealthQueries.MaxHistoryDays)],
                typeof(ProfileHealthView), [200, 308, 400, 401, 403, 404], r => Service<HealthHandlers>(r).GetHealthAsync(r)),
            new(GetPortfolioHealth, "GET", "/api/v1/portfolio/health", "Health", "The portfolio's health distribution from the last daily summary: bands, histogram, ARR and risk, per segment",
                Readers, [], typeof(PortfolioSummary), [200, 401, 403, 404], r => Service<HealthHandlers>(r).GetDistributionAsync(r)),
            new(GetPortfolioTrend, "GET", "/api/v1/portfolio/trend", "Health", "The portfolio's (or a segment's) daily health summaries, oldest first",
                Readers,
                [ApiParameter.Query("days", "How many days back (default 90).", "integer", "int32", 1, PortfolioQueries.MaxTrendDays), segment],
                typeof(PortfolioTrend), [200, 400, 401, 403], r => Service<HealthHandlers>(r).GetTrendAsync(r)),
            new(ListChurnRisk, "GET", "/api/v1/portfolio/churn-risk", "Health", "Customers at risk of churning, the largest risk amount (ARR x churn probability) first, a page at a time",
                Readers, [limit, cursor, segment], typeof(PortfolioList), [200, 400, 401, 403], r => Service<HealthHandlers>(r).ListChurnRiskAsync(r)),
            new(ListExpansion, "GET", "/api/v1/portfolio/expansion", "Health", "Expansion recommendations (products customers like this one bought), the most confident first, a page at a time",
                Readers, [limit, cursor, segment], typeof(PortfolioList), [200, 400, 401, 403], r => Service<HealthHandlers>(r).ListExpansionAsync(r)),
            new(GetAccount, "GET", "/api/v1/accounts/{id}", "Accounts", "Get an account (an organisation) with its contacts and their roles, its parent and child accounts and its aggregates",
                Readers, [ApiParameter.Path("id", "The account's profile id; a merged id redirects to the survivor.", "p-0123456789abcdef0123")],
                typeof(AccountView), [200, 304, 308, 400, 401, 403, 404], r => Service<AccountHandlers>(r).GetAccountAsync(r)),
            new(GetHousehold, "GET", "/api/v1/households/{id}", "Accounts", "Get a household with its members and the address most of them share",
                Readers, [ApiParameter.Path("id", "A householdId of a profile.", "h-0123456789abcdef")],
                typeof(HouseholdView), [200, 304, 400, 401, 403, 404], r => Service<AccountHandlers>(r).GetHouseholdAsync(r)),
            new(GetQualityReport, "GET", "/api/v1/quality", "Quality", "The portfolio's data quality: completeness, fill rates, source freshness, quarantine counts (reads every profile: a report, not a page load)",
                QualityReaders, [], typeof(QualityReport), [200, 304, 401, 403], r => Service<QualityHandlers>(r).GetReportAsync(r)),
            new(RequestErasure, "POST", "/api/v1/erasures", "Privacy", "Erase a person everywhere (right to be forgotten) and suppress their identifiers",
                Erasers, [], typeof(ErasureReport), [200, 400, 401, 403, 413, 415], r => Service<ErasureHandlers>(r).EraseAsync(r))
            {
                RequestType = typeof(ErasureRequest),
                IsChange = true,
            },
            new(QueryAudit, "GET", "/api/v1/audit", "Audit", "Read the audit trail: who read or changed which profile",
                Auditors,
                [
                    ApiParameter.Query("from", "Start of the window, ISO 8601 (default: a day before to).", format: "date-time"),
                    ApiParameter.Query("to", "End of the window, ISO 8601 (default: now).", format: "date-time"),
                    ApiParameter.Query("profileId", "Only records about this profile.", maxLength: 22),
                    ApiParameter.Query("caller", "Only records of this caller.", maxLength: 200),
                    ApiParameter.Query("limit", "Records per page (default 100).", "integer", "int32", 1, AuditHandlers.MaxPage),
                    cursor,
                ],
                typeof(AuditPage), [200, 400, 401, 403], r => Service<AuditHandlers>(r).QueryAsync(r)),
            new(ListDeadLetters, "GET", "/api/v1/admin/dead-letters/{topic}/{subscription}", "Operations", "The oldest dead letters of a subscription, with the reason and the message as it failed",
                Operators, [topic, subscription], typeof(DeadLetterList), [200, 401, 403, 404], r => Service<DeadLetterHandlers>(r).ListAsync(r)),
            new(ReplayDeadLetters, "POST", "/api/v1/admin/dead-letters/{topic}/{subscription}/replay", "Operations", "Send dead letters back to their subscription: the listed message ids, or every one without a body",
                Operators, [topic, subscription], typeof(ReplayResult), [200, 400, 401, 403, 404, 413, 415], r => Service<DeadLetterHandlers>(r).ReplayAsync(r))
            {
                RequestType = typeof(ReplayRequest),
                RequestOptional = true,
                IsChange = true,
            },
            new(ListConnectors, "GET", "/api/v1/connectors", "Operations", "Connector health: state (healthy, degraded, failing), lag since the last successful pass, pages, records, quarantined, errors",
                Operators, [], typeof(ConnectorHealthList), [200, 401, 403], r => Service<ConnectorHandlers>(r).ListAsync(r)),
            new(GetOpenApi, "GET", "/api/v1/openapi.json", "Meta", "This OpenAPI document",
                [], [], null, [200], _ => Task.FromResult(Results.Bytes(_openApi!.Value, "application/json; charset=utf-8"))),
        ];
        _byId = All.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _openApi = new Lazy<byte[]>(() => OpenApiDocumentBuilder.Build(this));
    }

    public IReadOnlyList<ApiOperation> All { get; }

    /// <summary>The OpenAPI 3.0 document, as served at <c>/api/v1/openapi.json</c>.</summary>
    public byte[] OpenApiDocument => _openApi.Value;

    public ApiOperation? Find(string id) => _byId.GetValueOrDefault(id);

    private static T Service<T>(ApiRequest request)
        where T : notnull => request.HttpContext.RequestServices.GetRequiredService<T>();
}
