using System.Net;
using System.Text;
using Customer360Hub.Api.Lookup;
using Customer360Hub.Api.UnitTests.Support;
using Customer360Hub.Messaging;
using Customer360Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360Hub.Api.UnitTests.Lookup;

public sealed class LookupIndexerTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        await SampleProfiles.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Handle_ProfileRemoved_TakesEveryRowOutSoNoIdentifierRemains()
    {
        var profile = await _host.Store.Profiles.GetAsync(DocumentKey.Single(SampleProfiles.JaneId));
        await _host.Store.Documents.WriteAsync([_host.Store.Profiles.Delete(profile!.Key)]);
        var indexer = _host.Services.GetRequiredService<LookupIndexer>();

        var body = Encoding.UTF8.GetBytes($$"""{"profileId":"{{SampleProfiles.JaneId}}","reason":"removed","changedAt":"2026-11-02T10:00:00Z","pulledAt":"2026-11-02T10:00:00Z"}""");
        var rejected = await indexer.HandleAsync([new ReceivedMessage(Topics.ProfileChanges, Topics.LookupIndexerSubscription, "m1", SampleProfiles.JaneId, "profile-changed", body, 1, SampleProfiles.Now, "lock")]);

        Assert.Empty(rejected);
        var remaining = new List<string>();
        await foreach (var row in _host.Store.Documents.ScanAsync(Containers.Lookup))
        {
            remaining.Add(row.Key.PartitionKey + " " + Encoding.UTF8.GetString(row.Body.Span));
        }

        Assert.DoesNotContain(remaining, r => r.Contains(SampleProfiles.JaneId, StringComparison.Ordinal));
        Assert.DoesNotContain(remaining, r => r.Contains("jane@contoso", StringComparison.Ordinal) || r.Contains("4155550100", StringComparison.Ordinal));
        using var client = _host.Client(Keys.Sales);
        using var lookup = await client.GetAsync(new Uri("profiles/lookup?email=jane@contoso.example", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Handle_MalformedMessage_IsRejectedWithReason()
    {
        var indexer = _host.Services.GetRequiredService<LookupIndexer>();

        var rejected = await indexer.HandleAsync([new ReceivedMessage(Topics.ProfileChanges, Topics.LookupIndexerSubscription, "m2", "k", "profile-changed", "not json"u8.ToArray(), 1, SampleProfiles.Now, "lock")]);

        Assert.Contains("malformed", Assert.Single(rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_AccentsCaseAndPunctuation_AreNormalised()
    {
        Assert.Equal(["jose", "garcia", "lopez"], LookupKeys.Tokens("José  GARCÍA-López, J."));
        Assert.Equal("+442079460000", LookupKeys.E164("020 7946 0000", "GB"));
        Assert.Null(LookupKeys.E164("12", "US"));
    }
}
