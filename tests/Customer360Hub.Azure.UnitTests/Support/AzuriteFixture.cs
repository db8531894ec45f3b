using System.Security.Cryptography;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>
/// Azurite's blob service on a free loopback port, started once per test run, with an account
/// and key made up for this run (so no emulator key is written anywhere).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string Account = "c360test";
    private EmulatorProcess? _azurite;

    public BlobServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        _azurite = await EmulatorProcess.StartAsync(
            Path.Combine("azurite", "dist", "src", "blob", "main.js"),
            port => $"--blobHost 127.0.0.1 --blobPort {port} --inMemoryPersistence --skipApiVersionCheck --silent",
            new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = $"{Account}:{key}" });
        Service = new BlobServiceClient(new Uri($"http://127.0.0.1:{_azurite.Port}/{Account}"), new StorageSharedKeyCredential(Account, key));
    }

    /// <summary>A fresh, empty container.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync()
    {
        var container = Service.GetBlobContainerClient("t" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync();
        return container;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
