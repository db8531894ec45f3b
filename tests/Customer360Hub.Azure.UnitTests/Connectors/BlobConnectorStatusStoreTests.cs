using Customer360Hub.Azure.Connectors;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Connectors.Sdk;

namespace Customer360Hub.Azure.UnitTests.Connectors;

[Collection(AzuriteCollection.Name)]
public sealed class BlobConnectorStatusStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_BeforeAnySave_IsEmpty()
    {
        var store = new BlobConnectorStatusStore(azurite.Service.GetBlobContainerClient("status-" + Guid.NewGuid().ToString("N")));

        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_TwoSourcesThenAnUpdate_ListsTheLatestOfEach()
    {
        var store = new BlobConnectorStatusStore(await azurite.CreateContainerAsync());

        await store.SaveAsync(new ConnectorStatus("stripe", At, At, null, 1, 10, 0, 0));
        await store.SaveAsync(new ConnectorStatus("zendesk", null, At, "HTTP 503", 0, 0, 0, 1));
        await store.SaveAsync(new ConnectorStatus("stripe", At.AddMinutes(5), At.AddMinutes(5), null, 3, 42, 1, 0));

        var statuses = (await store.ListAsync()).OrderBy(s => s.Source).ToList();
        Assert.Equal(new ConnectorStatus("stripe", At.AddMinutes(5), At.AddMinutes(5), null, 3, 42, 1, 0), statuses[0]);
        Assert.Equal(new ConnectorStatus("zendesk", null, At, "HTTP 503", 0, 0, 0, 1), statuses[1]);
    }
}
