using System.Text.RegularExpressions;
using Customer360Hub.Azure.UnitTests.Support;

namespace Customer360Hub.Azure.UnitTests.Hosting;

/// <summary>
/// The Functions host matches HTTP routes in the alphabetical order of function names. A route with
/// a literal segment must therefore come before any parameter route that would also match it.
/// </summary>
public sealed partial class HttpRouteOrderTests
{
    [Fact]
    public void HttpFunctions_LiteralRoutes_SortBeforeParameterRoutesThatWouldShadowThem()
    {
        var routes = HttpRoutes();
        Assert.Contains(routes, r => r.Route == "v1/profiles/lookup");

        var shadowed = new List<string>();
        foreach (var literal in routes)
        {
            foreach (var other in routes.Where(o => o != literal && o.Method == literal.Method && Shadows(o.Route, literal.Route)))
            {
                if (string.CompareOrdinal(other.Function, literal.Function) < 0)
                {
                    shadowed.Add($"{other.Function} ({other.Route}) would take {literal.Function} ({literal.Route})");
                }
            }
        }

        Assert.Empty(shadowed);
    }

    /// <summary>True when <paramref name="pattern"/> matches the path <paramref name="route"/> although they differ.</summary>
    private static bool Shadows(string pattern, string route)
    {
        var patternSegments = pattern.Split('/');
        var routeSegments = route.Split('/');
        return pattern != route
            && patternSegments.Length == routeSegments.Length
            && patternSegments.Zip(routeSegments).All(p => p.First.StartsWith('{') || p.First == p.Second)
            && routeSegments.Zip(patternSegments).Any(p => !p.First.StartsWith('{') && p.Second.StartsWith('{'));
    }

    private static List<(string Function, string Method, string Route)> HttpRoutes()
    {
        var routes = new List<(string, string, string)>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Of("functions", "Customer360Hub.Functions", "Http"), "*.cs"))
        {
            foreach (Match match in HttpFunction().Matches(File.ReadAllText(file)))
            {
                routes.Add((match.Groups["name"].Value, match.Groups["method"].Value, match.Groups["route"].Value));
            }
        }

        return routes;
    }

    [GeneratedRegex(@"\[Function\(nameof\((?<name>\w+)\)\)\][^\[]*\[HttpTrigger\([^,]+,\s*""(?<method>\w+)"",\s*Route\s*=\s*""(?<route>[^""]+)""", RegexOptions.Singleline)]
    private static partial Regex HttpFunction();
}
