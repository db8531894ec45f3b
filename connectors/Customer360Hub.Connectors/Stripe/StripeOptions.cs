using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Connectors.Stripe;

/// <summary>Stripe (section <c>Connectors:Stripe</c>); <see cref="ConnectorOptions.BaseUrl"/> is <c>https://api.stripe.com</c>; auth: a restricted secret key (read-only) in <c>Auth:ApiKey</c>.</summary>
public sealed class StripeOptions : ConnectorOptions
{
    public const string SectionName = "Connectors:Stripe";
}
