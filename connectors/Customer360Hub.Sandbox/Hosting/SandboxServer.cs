using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using Customer360Hub.Sandbox.Apis;
using Customer360Hub.Sandbox.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360Hub.Sandbox.Hosting;

/// <summary>
/// The vendor API sandbox on loopback: Business Central, Stripe, Zendesk, HubSpot, Salesforce
/// and Microsoft Graph shapes over one <see cref="SyntheticWorld"/>, with injectable faults, a
/// world that moves on every <see cref="SandboxOptions.TickInterval"/>, and batch files dropped
/// into <see cref="SandboxOptions.DropFolder"/>.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _ticker;
    private readonly FileDropWriter? _drop;

    private readonly string? _dropFolder;

    private SandboxServer(WebApplication app, SyntheticWorld world, SandboxFaults faults, SandboxOptions options)
    {
        _dropFolder = options.DropFolder;
        _app = app;
        World = world;
        Faults = faults;
        _drop = options.DropFolder is null ? null : new FileDropWriter(world, faults, options.DropFolder);
        _ticker = options.TickInterval > TimeSpan.Zero ? TickAsync(options.TickInterval, _stopping.Token) : Task.CompletedTask;
    }

    public SyntheticWorld World { get; }

    public SandboxFaults Faults { get; }

    /// <summary>The root every vendor API of the sandbox is served under.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The company id the Business Central endpoints answer for.</summary>
    public static string BusinessCentralCompanyId => "8f4e1a52-5b0e-4bd4-9a77-0c6a3c1a0b61";

    /// <summary>The mailbox whose mail and calendar the Graph endpoints serve.</summary>
    public static string GraphMailbox => "sales@contoso-hub.example";

    /// <summary>Configuration (<c>Connectors:*</c>) that points every connector at this sandbox, with its stand-in credentials.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings()
    {
        var url = BaseUrl.AbsoluteUri;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in new[] { "BusinessCentral", "Stripe", "Zendesk", "HubSpot", "Salesforce", "Graph" })
        {
            settings[$"Connectors:{name}:Enabled"] = "true";
            settings[$"Connectors:{name}:BaseUrl"] = url;
        }

        settings["Connectors:BusinessCentral:CompanyId"] = BusinessCentralCompanyId;
        settings["Connectors:Stripe:Auth:ApiKey"] = "sk_test_sandbox";
        settings["Connectors:Salesforce:Auth:TokenUrl"] = url + "services/oauth2/token";
        settings["Connectors:Salesforce:Auth:ClientId"] = "sandbox-client";
        settings["Connectors:Salesforce:Auth:ClientSecret"] = "sandbox-secret";
        settings["Connectors:Graph:BaseUrl"] = url + "v1.0";
        settings["Connectors:Graph:Mailbox"] = GraphMailbox;
        if (_dropFolder is not null)
        {
            settings["Connectors:FileDrop:Enabled"] = "true";
            settings["Connectors:FileDrop:Folder"] = _dropFolder;
        }

        return settings;
    }

    /// <summary>Starts on 127.0.0.1; port 0 picks a free port.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        Validator.ValidateObject(options.World, new ValidationContext(options.World), validateAllProperties: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var world = new SyntheticWorld(options.World);
        var faults = new SandboxFaults(options);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/sandbox", StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (faults.NextFailure() is { } failure)
            {
                await WriteFailureAsync(context, failure.Status, failure.RetryAfter).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        var renderer = new VendorRenderer(world, faults);
        BusinessCentralApi.Map(app, world, renderer);
        ZendeskApi.Map(app, world, renderer);
        HubSpotApi.Map(app, world, renderer);
        SalesforceApi.Map(app, world, renderer);
        StripeApi.Map(app, world, renderer);
        GraphApi.Map(app, world, renderer);
        var server = new SandboxServer(app, world, faults, options);
        app.MapPost("/sandbox/advance", async (int? ticks, CancellationToken ct) =>
        {
            var changes = 0;
            for (var i = 0; i < (ticks ?? 1); i++)
            {
                changes += await server.AdvanceAsync(ct).ConfigureAwait(false);
            }

            return Results.Json(new JsonObject { ["tick"] = world.Tick, ["changes"] = changes });
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        if (server._drop is not null)
        {
            await server._drop.WriteHistoryAsync(cancellationToken).ConfigureAwait(false);
        }

        return server;
    }

    /// <summary>Moves the world on by one tick (and drops a batch file of what changed in the file-drop source).</summary>
    public async Task<int> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var changes = World.Advance();
        if (_drop is not null)
        {
            await _drop.WriteTickAsync(cancellationToken).ConfigureAwait(false);
        }

        return changes;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _ticker.ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task TickAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await AdvanceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>An error in the shape of the vendor the path belongs to.</summary>
    private static Task WriteFailureAsync(HttpContext context, System.Net.HttpStatusCode status, TimeSpan? retryAfter)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var code = (int)status;
        var limited = code == 429;
        var message = limited ? "Too many requests; retry after the time in the Retry-After header." : "An unexpected error occurred.";
        JsonNode body = path switch
        {
            _ when path.StartsWith("/api/v2.0/", StringComparison.Ordinal) =>
                new JsonObject { ["error"] = new JsonObject { ["code"] = limited ? "Application_TooManyRequests" : "InternalServerError", ["message"] = message } },
            _ when path.StartsWith("/v1/", StringComparison.Ordinal) =>
                new JsonObject { ["error"] = new JsonObject { ["type"] = limited ? "invalid_request_error" : "api_error", ["code"] = limited ? "rate_limit" : null, ["message"] = message } },
            _ when path.StartsWith("/api/v2/", StringComparison.Ordinal) =>
                new JsonObject { ["error"] = limited ? "APIRateLimitExceeded" : "InternalError", ["description"] = message },
            _ when path.StartsWith("/services/", StringComparison.Ordinal) =>
                new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = limited ? "REQUEST_LIMIT_EXCEEDED" : "UNKNOWN_EXCEPTION" }),
            _ when path.StartsWith("/v1.0/", StringComparison.Ordinal) =>
                new JsonObject { ["error"] = new JsonObject { ["code"] = limited ? "TooManyRequests" : "generalException", ["message"] = message } },
            _ => new JsonObject
            {
                ["status"] = "error", ["message"] = message, ["errorType"] = limited ? "RATE_LIMIT" : "INTERNAL_ERROR",
                ["category"] = limited ? "RATE_LIMITS" : "INTERNAL_ERROR", ["correlationId"] = Guid.NewGuid().ToString(),
            },
        };
        context.Response.StatusCode = code;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
