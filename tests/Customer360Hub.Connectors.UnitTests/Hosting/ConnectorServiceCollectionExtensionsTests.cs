using Customer360Hub.Connectors.Hosting;
using Customer360Hub.Connectors.Salesforce;
using Customer360Hub.Connectors.Stripe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.UnitTests.Hosting;

public sealed class ConnectorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomer360Connectors_HalfTheCredentials_FailsValidationNamingTheSection()
    {
        var provider = Build(new Dictionary<string, string?>
        {
            ["Connectors:Salesforce:Enabled"] = "true",
            ["Connectors:Salesforce:BaseUrl"] = "https://example.my.salesforce.com",
            ["Connectors:Salesforce:Auth:TokenUrl"] = "https://example.my.salesforce.com/services/oauth2/token",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SalesforceOptions>>().Value);

        Assert.Contains("Connectors:Salesforce:Auth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCustomer360Connectors_MissingBaseUrl_FailsValidation()
    {
        var provider = Build(new Dictionary<string, string?> { ["Connectors:Stripe:Enabled"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StripeOptions>>().Value);

        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCustomer360Connectors_DisabledConnector_IsNotScheduled()
    {
        var provider = Build(new Dictionary<string, string?> { ["Connectors:Stripe:Enabled"] = "false" });

        Assert.Empty(provider.GetServices<Customer360Hub.Connectors.Sdk.ConnectorRegistration>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCustomer360Connectors(configuration);
        return services.BuildServiceProvider();
    }
}
