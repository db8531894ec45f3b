using System.Net;
using Azure.Core;
using Customer360Hub.Connectors.Auth;
using Moq;

namespace Customer360Hub.Connectors.UnitTests.Auth;

public sealed class EntraTokenHandlerTests
{
    [Fact]
    public async Task SendAsync_Request_CarriesTheCredentialsBearerTokenForTheScope()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.Single() == "https://api.businesscentral.dynamics.com/.default"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1)));
        string? seen = null;
        using var handler = new EntraTokenHandler(credential.Object, "https://api.businesscentral.dynamics.com/.default")
        {
            InnerHandler = new Answer(r => seen = r.Headers.Authorization?.ToString()),
        };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri("https://api.businesscentral.dynamics.com/v2.0/x"));

        Assert.Equal("Bearer token-123", seen);
    }

    [Fact]
    public async Task SendAsync_ZendeskToken_UsesBasicWithTheAgentEmail()
    {
        string? seen = null;
        using var handler = new ApiKeyHandler("abc", "agent@example.com") { InnerHandler = new Answer(r => seen = r.Headers.Authorization?.ToString()) };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri("https://example.zendesk.com/api/v2/users.json"));

        Assert.Equal("Basic " + Convert.ToBase64String("agent@example.com/token:abc"u8.ToArray()), seen);
    }

    private sealed class Answer(Action<HttpRequestMessage> look) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            look(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
