using System.Net;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.UnitTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.UnitTests.Pipeline;

/// <summary>The entry point a Functions HTTP trigger uses: an operation id and the trigger's route values.</summary>
public sealed class Customer360ApiOperationTests
{
    [Fact]
    public async Task Operation_ExecutedOnARequest_RunsThePipelineWithAuthScopingAndAudit()
    {
        await using var host = await ApiHost.StartAsync();
        await SampleProfiles.SeedAsync(host);
        var api = host.Services.GetRequiredService<Customer360Api>();

        var anonymous = await ExecuteAsync(host, api.Operation(ApiOperations.GetProfile, new Dictionary<string, string?> { ["id"] = SampleProfiles.JaneId }), key: null);
        var finance = await ExecuteAsync(host, api.Operation(ApiOperations.GetProfile, new Dictionary<string, string?> { ["id"] = SampleProfiles.JaneId }), Keys.Finance);

        Assert.Equal((int)HttpStatusCode.Unauthorized, anonymous.Response.StatusCode);
        Assert.Equal((int)HttpStatusCode.OK, finance.Response.StatusCode);
        finance.Response.Body.Position = 0;
        var body = await new StreamReader(finance.Response.Body).ReadToEndAsync();
        Assert.Contains("visa ending 4242", body, StringComparison.Ordinal);
        Assert.DoesNotContain("decision maker", body, StringComparison.Ordinal);
        var correlation = finance.Response.Headers["X-Correlation-Id"].ToString();
        await host.WaitForAuditAsync(r => r.GetProperty("correlationId").GetString() == correlation);
    }

    private static async Task<HttpContext> ExecuteAsync(ApiHost host, IResult result, string? key)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/profiles/" + SampleProfiles.JaneId;
        context.Response.Body = new MemoryStream();
        if (key is not null)
        {
            context.Request.Headers["X-Api-Key"] = Keys.Of(key);
        }

        await result.ExecuteAsync(context);
        return context;
    }
}
