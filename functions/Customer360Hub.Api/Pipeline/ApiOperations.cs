using Customer360Hub.Api.Audit;
using Customer360Hub.Api.OpenApi;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Auditing;
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
    public const string QueryAudit = "queryAudit";
    public const string GetOpenApi = "getOpenApi";

    private static readonly string[] Readers = [Sales, Support, Finance, Success, Steward, Privacy, Admin];
    private static readonly string[] Auditors = [Privacy, Admin];

    private readonly Dictionary<string, ApiOperation> _byId;
    private readonly Lazy<byte[]> _openApi;

    public ApiOperations()
    {
        var id = ApiParameter.Path("id", "A profile id (p- followed by 20 hexadecimal digits); a merged id redirects to the survivor.", "p-0123456789abcdef0123");
        var cursor = ApiParameter.Query("cursor", "The nextCursor of the previous page.", maxLength: 2048);
        All =
        [
            new(GetProfile, "GET", "/api/v1/profiles/{id}", "Profiles", "Get a profile, scoped to the caller's role",
                Readers, [id], typeof(ProfileView), [200, 304, 308, 400, 401, 403, 404], r => Service<ProfileHandlers>(r).GetProfileAsync(r)),
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
