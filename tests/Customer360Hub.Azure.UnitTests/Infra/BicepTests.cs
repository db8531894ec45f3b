using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Customer360Hub.Azure.Storage;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;

namespace Customer360Hub.Azure.UnitTests.Infra;

/// <summary>
/// infra/ compiles and lints with zero findings (bicepconfig.json makes every linter rule an error),
/// with the bicep binary restored from the Azure.Bicep.CommandLine NuGet package, and the compiled
/// template grants every role the code needs and keeps local authentication off.
/// </summary>
public sealed class BicepTests
{
    // Every bicep run starts at once: each spends seconds on start-up and on a version look-up that
    // cannot succeed offline, so running them side by side keeps the suite fast.
    private static readonly Lazy<Task<(int Exit, string Template, string Diagnostics)>> Compilation = new(() => RunBicepAsync("build", RepoPaths.Of("infra", "main.bicep"), "--stdout"));
    private static readonly Lazy<Task<(int Exit, string Output, string Diagnostics)>> Lint = new(() => RunBicepAsync("lint", RepoPaths.Of("infra", "main.bicep")));
    private static readonly string ParametersOutput = Directory.CreateTempSubdirectory("c360-bicepparam-").FullName;
    private static readonly Lazy<Task<(int Exit, string Output, string Diagnostics)>> Parameters = new(() =>
        RunBicepAsync("build-params", "--pattern", Path.Combine(RepoPaths.Root, "infra", "env", "*.bicepparam"), "--outdir", ParametersOutput));
    private static readonly Lazy<Task<JsonObject>> Compiled = new(CompileAsync);

    [Fact]
    public async Task Build_MainTemplate_HasNoWarningsOrErrors()
    {
        StartAll();
        var (exit, _, diagnostics) = await Compilation.Value;

        Assert.True(exit == 0 && diagnostics.Length == 0, $"bicep build exited {exit}:\n{diagnostics}");
    }

    [Fact]
    public async Task Lint_MainTemplate_HasNoFindings()
    {
        StartAll();
        var (exit, output, diagnostics) = await Lint.Value;

        Assert.True(exit == 0 && output.Length == 0 && diagnostics.Length == 0, $"bicep lint exited {exit}:\n{output}\n{diagnostics}");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task BuildParams_EnvironmentFile_IsValidForTheTemplate(string environment)
    {
        StartAll();
        var (exit, _, diagnostics) = await Parameters.Value;

        Assert.True(exit == 0 && diagnostics.Length == 0, $"bicep build-params exited {exit}:\n{diagnostics}");
        var parameters = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ParametersOutput, environment + ".json")))!;
        Assert.Equal(environment, parameters["parameters"]!["environmentName"]!["value"]!.ToString());
    }

    [Fact]
    public void BicepConfig_EveryLinterRule_IsAnError()
    {
        var config = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal("error", rule.Value!["level"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Microsoft.ServiceBus/namespaces", "Azure Service Bus Data Sender: publishing and replays")]
    [InlineData("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Microsoft.ServiceBus/namespaces", "Azure Service Bus Data Receiver: triggers and dead letters")]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts", "Storage Blob Data Owner: archive, checkpoints, host storage")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults", "Key Vault Secrets User: Key Vault references")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components", "Monitoring Metrics Publisher: telemetry with Entra auth")]
    public async Task Template_GrantsTheAppIdentity(string roleId, string scopeType, string why)
    {
        var assignments = RoleAssignments(await Compiled.Value, "Microsoft.Authorization/roleAssignments");

        Assert.True(
            assignments.Any(a => a.RoleId == roleId
                && a.Resource["scope"]!.ToString().Contains(scopeType, StringComparison.Ordinal)
                && a.Resource["name"]!.ToString().StartsWith("[guid(", StringComparison.Ordinal)
                && a.Resource["properties"]!["principalId"]!.ToString().Contains("Microsoft.Web/sites", StringComparison.Ordinal)),
            $"No role assignment named guid(...) on {scopeType} for {why} ({roleId}).");
    }

    [Fact]
    public async Task Template_GrantsCosmosBuiltInDataContributorThroughTheDataPlane()
    {
        var assignments = RoleAssignments(await Compiled.Value, "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");

        Assert.Contains(assignments, a => a.RoleId == "00000000-0000-0000-0000-000000000002");
    }

    [Fact]
    public async Task Template_TurnsOffKeysAndLocalAuthenticationEverywhere()
    {
        var template = await Compiled.Value;

        Assert.All(Resources(template, "Microsoft.Storage/storageAccounts"), a => Assert.False(a["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>()));
        Assert.All(Resources(template, "Microsoft.ServiceBus/namespaces"), a => Assert.True(a["properties"]!["disableLocalAuth"]!.GetValue<bool>()));
        Assert.All(Resources(template, "Microsoft.DocumentDB/databaseAccounts"), a => Assert.True(a["properties"]!["disableLocalAuth"]!.GetValue<bool>()));
        Assert.All(Resources(template, "Microsoft.Insights/components"), a => Assert.True(a["properties"]!["DisableLocalAuth"]!.GetValue<bool>()));
        Assert.All(Resources(template, "Microsoft.KeyVault/vaults"), a => Assert.True(a["properties"]!["enableRbacAuthorization"]!.GetValue<bool>()));
        Assert.Single(Resources(template, "Microsoft.Web/sites"), a => a["identity"]!["type"]!.ToString() == "SystemAssigned");
    }

    [Fact]
    public async Task Template_SubscriptionsKeepTheEmbeddedBusSemantics()
    {
        var template = await Compiled.Value;

        var topic = Assert.Single(Resources(template, "Microsoft.ServiceBus/namespaces/topics"));
        Assert.True(topic["properties"]!["requiresDuplicateDetection"]!.GetValue<bool>());
        var subscription = Assert.Single(Resources(template, "Microsoft.ServiceBus/namespaces/topics/subscriptions"));
        Assert.True(subscription["properties"]!["requiresSession"]!.GetValue<bool>());
        Assert.Equal("[parameters('maxDeliveryCount')]", subscription["properties"]!["maxDeliveryCount"]!.ToString());
    }

    [Fact]
    public async Task Template_CosmosContainers_MatchTheStoreLayout()
    {
        var module = Templates(await Compiled.Value).Single(t => OwnResources(t, "Microsoft.DocumentDB/databaseAccounts").Any());
        var container = Assert.Single(OwnResources(module, "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers"));
        var resource = container["properties"]!["resource"]!;
        var layout = CosmosContainerLayout.PropertiesOf(Containers.Profiles);

        Assert.Equal(Containers.All, module["variables"]!["containerNames"]!.AsArray().Select(n => n!.ToString()));
        Assert.Equal(layout.PartitionKeyPath, resource["partitionKey"]!["paths"]![0]!.ToString());
        Assert.Equal(layout.DefaultTimeToLive, resource["defaultTtl"]!.GetValue<int>());
        Assert.Equal(
            layout.IndexingPolicy.ExcludedPaths.Select(p => p.Path),
            resource["indexingPolicy"]!["excludedPaths"]!.AsArray().Select(p => p!["path"]!.ToString()));
    }

    [Fact]
    public async Task Template_AuditContainer_TakesAppendsAndRefusesOverwritesAndDeletes()
    {
        var template = await Compiled.Value;

        var policy = Assert.Single(Resources(template, "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));
        Assert.True(policy["properties"]!["allowProtectedAppendWrites"]!.GetValue<bool>());
        Assert.Contains("indexOf(variables('containerNames'), 'audit')", policy["name"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_TopicsAndSubscriptions_MatchTheHubTopics()
    {
        var module = Templates(await Compiled.Value).Single(t => OwnResources(t, "Microsoft.ServiceBus/namespaces").Any());

        var topology = module["variables"]!["topology"]!.AsArray().Select(e => (e!["topic"]!.ToString(), e["subscription"]!.ToString()));

        Assert.Equal(
            Topics.Subscriptions.SelectMany(t => t.Value.Select(s => (t.Key, s))).Order(),
            topology.Order());
    }

    [Fact]
    public async Task Template_EveryTimer_HasADefaultSchedule()
    {
        var timers = Directory.EnumerateFiles(RepoPaths.Of("functions", "Customer360Hub.Functions"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), "TimerTrigger\\(\"%(\\w+)Schedule%\"\\)").Select(m => m.Groups[1].Value))
            .Order(StringComparer.Ordinal)
            .ToList();
        var module = Templates(await Compiled.Value).Single(t => OwnResources(t, "Microsoft.Web/sites").Any());

        Assert.Contains("Stripe", timers);
        Assert.Contains("HealthSnapshots", timers);
        var defaults = module["variables"]!["defaultConnectorSchedules"]!.AsObject().Concat(module["variables"]!["defaultJobSchedules"]!.AsObject());
        Assert.Equal(timers, defaults.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>Role assignments with the role id resolved from the module's <c>roles</c> variable.</summary>
    private static List<(JsonNode Resource, string RoleId)> RoleAssignments(JsonNode template, string type)
    {
        var found = new List<(JsonNode, string)>();
        foreach (var module in Templates(template))
        {
            var roles = module["variables"]?["roles"]?.AsObject();
            foreach (var assignment in OwnResources(module, type))
            {
                var reference = assignment["properties"]!["roleDefinitionId"]!.ToString();
                var role = roles?.FirstOrDefault(r => reference.Contains($"variables('roles').{r.Key}", StringComparison.Ordinal));
                found.Add((assignment, role?.Value?.ToString() ?? reference));
            }
        }

        return found;
    }

    private static IEnumerable<JsonNode> Templates(JsonNode template)
    {
        yield return template;
        foreach (var resource in OwnResources(template, type: null))
        {
            if (resource["properties"]?["template"] is { } nested)
            {
                foreach (var inner in Templates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Resources(JsonNode template, string type) =>
        Templates(template).SelectMany(t => OwnResources(t, type));

    private static IEnumerable<JsonNode> OwnResources(JsonNode template, string? type)
    {
        var resources = template["resources"] is JsonObject byName ? byName.Select(p => p.Value!) : template["resources"]?.AsArray().Select(n => n!) ?? [];
        return resources.Where(r => type is null || r["type"]?.ToString() == type);
    }

    private static void StartAll()
    {
        _ = Compilation.Value;
        _ = Lint.Value;
        _ = Parameters.Value;
    }

    private static async Task<JsonObject> CompileAsync()
    {
        StartAll();
        var (exit, template, diagnostics) = await Compilation.Value;
        Assert.True(exit == 0, diagnostics);
        return JsonNode.Parse(template)!.AsObject();
    }

    private static async Task<(int Exit, string Output, string Diagnostics)> RunBicepAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(BicepPath()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }

    /// <summary>The bicep binary in the restored Azure.Bicep.CommandLine.linux-x64 package (tools/bicep).</summary>
    private static string BicepPath()
    {
        var folder = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPackageFolder").Value;
        var path = Path.Combine(folder!, "tools", "bicep");
        Assert.True(File.Exists(path), $"The bicep binary is not at {path}; restore the test project.");

        // NuGet does not keep the executable bit when it extracts a package (and the package is Linux-only).
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infrastructure tests use the linux-x64 bicep package.");
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
