using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Customer360Hub.Api.UnitTests.Support;
using Customer360Hub.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.UnitTests.DeadLetters;

/// <summary>The admin dead-letter operations on the embedded bus: admin only, the reason and body as they failed, replays audited.</summary>
public sealed class DeadLetterHandlersTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        var bus = _host.Services.GetRequiredService<IChangeBus>();
        await bus.PublishAsync(Topics.ProfileChanges, [new BusMessage("m-1", "p-00000000000000000001", "profile-changed", Encoding.UTF8.GetBytes("""{"id":"m-1"}"""))]);
        var received = await bus.ReceiveAsync(Topics.ProfileChanges, Topics.ScorerSubscription, 10);
        await bus.DeadLetterAsync(Assert.Single(received), "gave up");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Keys.Sales)]
    [InlineData(Keys.Steward)]
    [InlineData(Keys.Privacy)]
    public async Task ListDeadLetters_RoleOtherThanAdmin_Is403(string key)
    {
        using var client = _host.Client(key);
        using var response = await client.GetAsync(new Uri($"admin/dead-letters/{Topics.ProfileChanges}/{Topics.ScorerSubscription}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ListDeadLetters_Admin_ShowsReasonAndBody()
    {
        using var client = _host.Client(Keys.Admin);
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri($"admin/dead-letters/{Topics.ProfileChanges}/{Topics.ScorerSubscription}", UriKind.Relative));

        var letter = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("gave up", letter.GetProperty("reason").GetString());
        Assert.Equal("""{"id":"m-1"}""", letter.GetProperty("body").GetString());
    }

    [Fact]
    public async Task ReplayDeadLetters_ChosenIds_ReplaysThoseAndAuditsTheChange()
    {
        using var client = _host.Client(Keys.Admin);
        using var response = await client.PostAsJsonAsync(new Uri($"admin/dead-letters/{Topics.ProfileChanges}/{Topics.ScorerSubscription}/replay", UriKind.Relative), new { messageIds = new[] { "m-1" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());
        var again = await _host.Services.GetRequiredService<IChangeBus>().ReceiveAsync(Topics.ProfileChanges, Topics.ScorerSubscription, 10);
        Assert.Equal("m-1", Assert.Single(again).MessageId);
        await _host.WaitForAuditAsync(r => r.GetProperty("operation").GetString() == "replayDeadLetters" && r.GetProperty("action").GetString() == "change");
    }

    [Theory]
    [InlineData("admin/dead-letters/source-changes/nobody", "GET", null, HttpStatusCode.NotFound)]
    [InlineData("admin/dead-letters/no-topic/resolver/replay", "POST", null, HttpStatusCode.NotFound)]
    [InlineData("admin/dead-letters/profile-changes/scorer/replay", "POST", "all of them", HttpStatusCode.BadRequest)]
    public async Task BadRequests_AreProblems(string path, string method, string? body, HttpStatusCode status)
    {
        using var client = _host.Client(Keys.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
