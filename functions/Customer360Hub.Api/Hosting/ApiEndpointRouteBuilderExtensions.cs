using Customer360Hub.Api.Connectors;
using Customer360Hub.Api.Accounts;
using Customer360Hub.Api.Privacy;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Quality;
using Customer360Hub.Privacy;
using Customer360Hub.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.Hosting;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/api/v1</c> for the local host. Every route needs an API key.</summary>
    public static RouteGroupBuilder MapCustomer360Api(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").AddEndpointFilter(async (context, next) =>
        {
            var authenticator = context.HttpContext.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
            return authenticator.Authenticate(context.HttpContext.Request) is null ? Problems.Unauthorized() : await next(context).ConfigureAwait(false);
        });

        api.MapGet("/profiles/lookup", (string? email, ProfileHandlers handlers, CancellationToken ct) => handlers.LookupAsync(email, ct));
        api.MapGet("/profiles/{id}", (string id, bool? lineage, string? asOf, ProfileHandlers handlers, CancellationToken ct) => handlers.GetProfileAsync(id, lineage, asOf, ct));
        api.MapGet("/profiles/{id}/explain", (string id, IdentityHandlers handlers, CancellationToken ct) => handlers.ExplainAsync(id, ct));
        api.MapGet("/identity/reviews", (IdentityHandlers handlers, CancellationToken ct) => handlers.ListReviewsAsync(ct));
        api.MapPost("/identity/decisions", (StewardRequest? request, HttpRequest http, IdentityHandlers handlers, ApiKeyAuthenticator authenticator, CancellationToken ct) =>
            handlers.DecideAsync(request, authenticator.Authenticate(http)!.Name, ct));
        api.MapPost("/identity/decisions/{id}/revoke", (string id, RevokeRequest? request, HttpRequest http, IdentityHandlers handlers, ApiKeyAuthenticator authenticator, CancellationToken ct) =>
            handlers.RevokeAsync(id, request, authenticator.Authenticate(http)!.Name, ct));
        api.MapGet("/profiles/{id}/timeline", (string id, int? limit, string? cursor, string? types, ProfileHandlers handlers, CancellationToken ct) => handlers.GetTimelineAsync(id, limit, cursor, types, ct));
        api.MapGet("/accounts/{id}", (string id, AccountHandlers handlers, CancellationToken ct) => handlers.GetAccountAsync(id, ct));
        api.MapGet("/households/{id}", (string id, AccountHandlers handlers, CancellationToken ct) => handlers.GetHouseholdAsync(id, ct));
        api.MapPost("/erasures", (ErasureRequest? request, ErasureHandlers handlers, CancellationToken ct) => handlers.EraseAsync(request, ct));
        api.MapGet("/quality", (QualityHandlers handlers, CancellationToken ct) => handlers.GetReportAsync(ct));
        api.MapGet("/connectors", (ConnectorHandlers handlers, CancellationToken ct) => handlers.ListAsync(ct));
        return api;
    }

    /// <summary>The API's services: handlers and the caller authenticator.</summary>
    public static IServiceCollection AddCustomer360Api(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ProfileHandlers>();
        services.AddSingleton<ConnectorHandlers>();
        services.AddSingleton<AccountHandlers>();
        services.AddSingleton<ErasureHandlers>();
        services.AddSingleton<QualityHandlers>();
        services.AddSingleton<IdentityHandlers>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        return services;
    }
}
