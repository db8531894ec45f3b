using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.Hosting;

public static class ApiApplicationBuilderExtensions
{
    /// <summary>
    /// Serves the API in an ASP.NET Core host (the local host): every operation of the catalog as a
    /// route, and problem details for everything else (unknown routes 404, wrong methods 405,
    /// unhandled failures 500).
    /// </summary>
    public static WebApplication UseCustomer360Api(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.Services.GetRequiredService<Customer360Api>();
        foreach (var operation in api.Operations.All)
        {
            app.MapMethods(operation.Route, [operation.Method], context => api.InvokeAsync(operation.Id, context, Values(context.Request.RouteValues)));
        }

        app.MapFallback(context => Customer360Api.WriteProblemAsync(context, StatusCodes.Status404NotFound, "No such resource.", "See /api/v1/openapi.json for the API's routes."));
        return app;
    }

    private static Dictionary<string, string?> Values(RouteValueDictionary values) =>
        values.ToDictionary(v => v.Key, v => v.Value?.ToString(), StringComparer.OrdinalIgnoreCase);
}
