using Customer360Hub.Sandbox.Apis;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Sandbox.Hosting;

/// <summary>The vendor API sandbox on loopback, serving one <see cref="SyntheticWorld"/>.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, SyntheticWorld world)
    {
        _app = app;
        World = world;
    }

    public SyntheticWorld World { get; }

    /// <summary>The root every vendor API of the sandbox is served under.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The company id the Business Central endpoints answer for.</summary>
    public static string BusinessCentralCompanyId => "8f4e1a52-5b0e-4bd4-9a77-0c6a3c1a0b61";

    /// <summary>Starts on 127.0.0.1; port 0 picks a free port.</summary>
    public static async Task<SandboxServer> StartAsync(WorldOptions options, int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var world = new SyntheticWorld(options);
        BusinessCentralApi.Map(app, world);
        ZendeskApi.Map(app, world);
        var server = new SandboxServer(app, world);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
