using System.Text.Json.Nodes;
using Customer360Hub.Azure.UnitTests.Support;

namespace Customer360Hub.Azure.UnitTests.Hosting;

/// <summary>The Functions host settings the hub relies on are set explicitly, not left to defaults that differ between plans and versions.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode Host = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("host.json")))!;

    [Fact]
    public void ServiceBus_SettlementIsLeftToTheHub()
    {
        // The dispatcher completes, abandons and dead-letters itself; auto-complete would settle rejected messages too.
        Assert.False(Host["extensions"]!["serviceBus"]!["autoCompleteMessages"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("maxConcurrentCalls")]
    [InlineData("maxConcurrentSessions")]
    [InlineData("sessionIdleTimeout")]
    [InlineData("maxMessageBatchSize")]
    [InlineData("maxAutoLockRenewalDuration")]
    [InlineData("prefetchCount")]
    public void ServiceBus_ConcurrencyAndSessions_AreExplicit(string setting)
    {
        Assert.NotNull(Host["extensions"]!["serviceBus"]![setting]);
    }

    [Fact]
    public void FunctionTimeout_AndLogging_AreExplicit()
    {
        Assert.Equal("00:30:00", Host["functionTimeout"]!.ToString());
        Assert.Equal("Information", Host["logging"]!["logLevel"]!["Customer360Hub"]!.ToString());
    }

    [Fact]
    public void FunctionsProject_LinksTheRepositoryHostJson()
    {
        var project = File.ReadAllText(RepoPaths.Of("functions", "Customer360Hub.Functions", "Customer360Hub.Functions.csproj"));

        Assert.Contains(@"Include=""..\..\host.json"" Link=""host.json""", project, StringComparison.Ordinal);
    }
}
