using System.Net.Http.Json;
using System.Text.Json;
using Customer360Hub.Api.Hosting;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Connectors.Sdk;
using Customer360Hub.Embedded.Hosting;
using Customer360Hub.Hosting;
using Customer360Hub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Api.UnitTests.Support;

/// <summary>The API on the embedded ports (store, bus, archive, audit log) in a temporary folder, with a key per role, served in memory.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private ApiHost(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
        Store = app.Services.GetRequiredService<HubStore>();
    }

    public HubStore Store { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? time = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "c360-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Keys.Settings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embedded:DataFolder"] = folder,
            ["Privacy:HashKey"] = "api-tests-hash-key-of-at-least-32-characters",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var clock = time ?? TimeProvider.System;
        builder.Services.AddSingleton(clock);
        builder.Services.AddCustomer360Embedded();
        builder.Services.AddSingleton<IConnectorStatusStore>(new FileConnectorStatusStore(Path.Combine(folder, "connector-status")));
        builder.Services.AddCustomer360Core();
        builder.Services.AddCustomer360Api();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseCustomer360Api();
        await app.StartAsync();
        return new ApiHost(app, folder);
    }

    /// <summary>A client sending the key of <paramref name="keyName"/> (see <see cref="Keys"/>), or no credentials for null.</summary>
    public HttpClient Client(string? keyName = null)
    {
        var client = _app.GetTestClient();
        client.BaseAddress = new Uri("http://localhost/api/v1/");
        if (keyName is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", Keys.Of(keyName));
        }

        return client;
    }

    public Task IndexAsync(string profileId) => _app.Services.GetRequiredService<LookupIndexer>().IndexAsync(profileId);

    /// <summary>Polls the audit trail (as admin) until a record matches; the trail is written in the background.</summary>
    public async Task<JsonElement> WaitForAuditAsync(Func<JsonElement, bool> match, string query = "")
    {
        using var admin = Client(Keys.Admin);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>(new Uri("audit?limit=1000" + query, UriKind.Relative));
            foreach (var record in page.GetProperty("records").EnumerateArray())
            {
                if (match(record))
                {
                    return record;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No matching audit record was written.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
