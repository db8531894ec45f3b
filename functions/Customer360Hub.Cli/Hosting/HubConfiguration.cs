using Microsoft.Extensions.Configuration;

namespace Customer360Hub.Cli.Hosting;

/// <summary>The configuration every verb reads: appsettings.json, <c>C360_</c> environment variables, then command-line overrides.</summary>
internal static class HubConfiguration
{
    public static IConfigurationRoot Load(IReadOnlyDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("C360_")
            .AddInMemoryCollection(overrides)
            .Build();
}
