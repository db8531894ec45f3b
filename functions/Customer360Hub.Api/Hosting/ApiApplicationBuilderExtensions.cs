using Customer360Hub.Api.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
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
        var templates = new List<(string Method, TemplateMatcher Matcher)>();
        foreach (var operation in api.Operations.All)
        {
            var template = TemplateParser.Parse(operation.Route.TrimStart('/'));
            var names = template.Parameters.Select(p => p.Name!).ToArray();
            app.MapMethods(operation.Route, [operation.Method], context => api.InvokeAsync(operation.Id, context, PathValues(context.Request.RouteValues, names)));
            templates.Add((operation.Method, new TemplateMatcher(template, new RouteValueDictionary())));
        }

        // Routing alone answers an unknown method with 405 only when no fallback exists; the
        // fallback checks the operations' templates itself so that both cases get a problem.
        app.MapFallback(context =>
        {
            var allowed = templates.Where(t => t.Matcher.TryMatch(context.Request.Path, new RouteValueDictionary())).Select(t => t.Method).Distinct().ToList();
            if (allowed.Count > 0)
            {
                context.Response.Headers.Allow = string.Join(", ", allowed);
                return Customer360Api.WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed.", $"Use {string.Join(" or ", allowed)}.");
            }

            return Customer360Api.WriteProblemAsync(context, StatusCodes.Status404NotFound, "No such resource.", "See /api/v1/openapi.json for the API's routes.");
        });
        return app;
    }

    /// <summary>The route's own parameters only (copying every route value cost more than the handler's own work on a cached read).</summary>
    private static Dictionary<string, string?> PathValues(RouteValueDictionary values, string[] names)
    {
        var result = new Dictionary<string, string?>(names.Length, StringComparer.Ordinal);
        foreach (var name in names)
        {
            result[name] = values.TryGetValue(name, out var value) ? value?.ToString() : null;
        }

        return result;
    }
}
