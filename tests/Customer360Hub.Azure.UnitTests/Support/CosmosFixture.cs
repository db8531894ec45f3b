using Customer360Hub.Azure.Storage;
using Microsoft.Azure.Cosmos;

namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>
/// A Cosmos DB endpoint for the store contract tests, started once per test run. By default the
/// npm <c>@vercel/cosmosdb-server</c> on a free loopback port; with
/// <c>C360_COSMOS_EMULATOR_ENDPOINT</c> (and <c>C360_COSMOS_EMULATOR_KEY</c>) set, the official
/// emulator at that address (the CI job starts it). Each test class gets its own database.
/// </summary>
public sealed class CosmosFixture : IAsyncLifetime
{
    private EmulatorProcess? _server;

    /// <summary>True against the official emulator, which supports queries, batches and TTL.</summary>
    public bool IsOfficialEmulator { get; private set; }

    public CosmosClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            // Both stand-ins use self-signed certificates on loopback.
            ServerCertificateCustomValidationCallback = (_, _, _) => true,
            MaxRetryAttemptsOnRateLimitedRequests = 9,
        };
        var endpoint = Environment.GetEnvironmentVariable("C360_COSMOS_EMULATOR_ENDPOINT");
        if (!string.IsNullOrEmpty(endpoint))
        {
            IsOfficialEmulator = true;
            Client = new CosmosClient(endpoint, Environment.GetEnvironmentVariable("C360_COSMOS_EMULATOR_KEY"), options);
            return;
        }

        _server = await EmulatorProcess.StartAsync(Path.Combine("@vercel", "cosmosdb-server", "lib", "cli.js"), port => $"--host 127.0.0.1 -p {port}");
        Client = new CosmosClient($"https://127.0.0.1:{_server.Port}/", new StaticTokenCredential(), options);
    }

    /// <summary>A fresh database with every hub container.</summary>
    public Task<Database> CreateDatabaseAsync() =>
        CosmosContainerLayout.EnsureCreatedAsync(Client, "test-" + Guid.NewGuid().ToString("N")[..12]);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
