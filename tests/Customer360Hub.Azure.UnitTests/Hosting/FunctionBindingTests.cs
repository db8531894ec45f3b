using System.Reflection;
using System.Text.RegularExpressions;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Messaging;

namespace Customer360Hub.Azure.UnitTests.Hosting;

/// <summary>
/// The Functions app is bindings only: every API operation of the one table the local host also
/// serves has exactly one HTTP trigger with the operation's method and route, and every
/// subscription of the hub's topics has its Service Bus trigger. (The Functions project cannot be
/// built here, so its source is read.)
/// </summary>
public sealed partial class FunctionBindingTests
{
    [Fact]
    public void HttpTriggers_EveryApiOperation_HasOneTriggerWithItsMethodAndRoute()
    {
        var bindings = new List<(string Operation, string Method, string Route)>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Of("functions", "Customer360Hub.Functions", "Http"), "*.cs"))
        {
            foreach (Match match in HttpBinding().Matches(File.ReadAllText(file)))
            {
                var constant = typeof(ApiOperations).GetField(match.Groups["operation"].Value, BindingFlags.Public | BindingFlags.Static);
                Assert.True(constant is not null, $"{match.Groups["function"].Value} names an unknown operation {match.Groups["operation"].Value}.");
                bindings.Add(((string)constant.GetValue(null)!, match.Groups["method"].Value.ToUpperInvariant(), "/api/" + match.Groups["route"].Value));
            }
        }

        // The default route prefix of the Functions host is "api".
        var operations = new ApiOperations().All.Select(o => (o.Id, o.Method, o.Route)).Order().ToList();
        Assert.Equal(operations, bindings.Order().ToList());
    }

    [Fact]
    public void ServiceBusTriggers_EverySubscription_HasOneTrigger()
    {
        var triggers = new List<(string Topic, string Subscription)>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Of("functions", "Customer360Hub.Functions", "Messaging"), "*.cs"))
        {
            foreach (Match match in ServiceBusTrigger().Matches(File.ReadAllText(file)))
            {
                triggers.Add((Constant(typeof(Topics), match.Groups["topic"].Value), Constant(typeof(Topics), match.Groups["subscription"].Value)));
            }
        }

        Assert.Equal(Topics.Subscriptions.SelectMany(t => t.Value.Select(s => (t.Key, s))).Order(), triggers.Order());
    }

    private static string Constant(Type type, string name) => (string)type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [GeneratedRegex(@"\[Function\(nameof\((?<function>\w+)\)\)\][^\[]*\[HttpTrigger\([^,]+,\s*""(?<method>\w+)"",\s*Route\s*=\s*""(?<route>[^""]+)""\)\][^;]*?api\.Operation\(ApiOperations\.(?<operation>\w+),", RegexOptions.Singleline)]
    private static partial Regex HttpBinding();

    [GeneratedRegex(@"\[ServiceBusTrigger\(Topics\.(?<topic>\w+),\s*Topics\.(?<subscription>\w+),", RegexOptions.Singleline)]
    private static partial Regex ServiceBusTrigger();
}
