using System.Net;
using System.Text;
using Customer360Hub.Changes;
using Customer360Hub.Connectors.Examples;
using Customer360Hub.Connectors.Mapping;
using Microsoft.Extensions.Options;
using Moq;

namespace Customer360Hub.Connectors.UnitTests.Examples;

public sealed class ExampleCrmConnectorTests
{
    private const string FirstPage = """
        {"people": [
          {"id": "p1", "updated_at": "2026-03-01T10:00:00Z", "first_name": "Ada", "last_name": "Lovelace",
           "emails": [{"address": "ada@example.org"}], "mobile": "+44 20 7946 0000", "employer": {"id": "c9", "name": "Analytical Engines Ltd"},
           "address": {"city": "London", "country": "gb"}},
          {"updated_at": "2026-03-01T10:05:00Z", "first_name": "No", "last_name": "Id"}
        ], "next_page": 2}
        """;

    private const string SecondPage = """
        {"people": [{"id": "p2", "updated_at": "2026-03-02T08:00:00Z", "deleted": true}], "next_page": null}
        """;

    [Fact]
    public async Task PullAsync_TwoPages_FollowsPagesThenResumesFromTheNewestChange()
    {
        var requests = new List<Uri>();
        var connector = Connector(request =>
        {
            requests.Add(request.RequestUri!);
            return request.RequestUri!.Query.Contains("&page=2&", StringComparison.Ordinal) ? SecondPage : FirstPage;
        });

        var first = await connector.PullAsync("people", null);
        var second = await connector.PullAsync("people", first.NextCheckpoint);

        Assert.True(first.HasMore);
        Assert.Equal("p1", Assert.Single(first.Items).RecordId);
        Assert.Equal("a people item has no id", Assert.Single(first.Unreadable!).Reason);
        Assert.False(second.HasMore);
        Assert.True(Assert.Single(second.Items).Deleted);
        Assert.StartsWith("2026-03-02T08:00:00", second.NextCheckpoint, StringComparison.Ordinal);
        Assert.Contains("updated_since=1970-01-01", requests[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_Person_BecomesCanonicalPartyWithAccountReference()
    {
        var connector = Connector(_ => FirstPage);
        var page = await connector.PullAsync("people", null);
        var mapper = new RecordMapper(SourceMapping.FromResource(typeof(ExampleCrmConnector), ExampleCrmConnector.SourceName));

        var change = mapper.Map(page.Items[0], DateTimeOffset.UnixEpoch, "raw#0");

        Assert.Equal("examplecrm/people/p1", change.RecordKey);
        Assert.Equal(RecordKind.Party, change.Kind);
        Assert.Equal("Ada", change.Attributes[CanonicalFields.GivenName]);
        Assert.Equal("ada@example.org", change.Attributes[CanonicalFields.Email]);
        Assert.Equal("+44 20 7946 0000", change.Attributes[CanonicalFields.Phone]);
        Assert.Equal("examplecrm/companies/c9", change.Attributes[CanonicalFields.AccountRef]);
        Assert.Equal("GB", change.Attributes[CanonicalFields.Country]);
    }

    private static ExampleCrmConnector Connector(Func<HttpRequestMessage, string> answer)
    {
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(ExampleCrmConnector.HttpClientName)).Returns(() => new HttpClient(new StubHandler(answer)));
        return new ExampleCrmConnector(factory.Object, Options.Create(new ExampleCrmOptions { BaseUrl = new Uri("https://crm.example.org"), PageSize = 2 }));
    }

    private sealed class StubHandler(Func<HttpRequestMessage, string> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(request), Encoding.UTF8, "application/json") });
    }
}
