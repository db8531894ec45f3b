using Azure.Core;

namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>A credential for local stand-ins, which accept any bearer token.</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    public int Requests { get; private set; }

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests++;
        return new AccessToken("test-token-" + Requests, DateTimeOffset.UtcNow.Add(Lifetime));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
