using System.Text;
using Customer360Hub.Azure.Connectors;
using Customer360Hub.Azure.UnitTests.Support;
using Customer360Hub.Connectors.FileDrop;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Azure.UnitTests.Connectors;

[Collection(AzuriteCollection.Name)]
public sealed class BlobFileDropSourceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListAsync_MixedBlobs_ListsBatchFilesInNameOrder()
    {
        var container = await azurite.CreateContainerAsync();
        await container.UploadBlobAsync("b.csv", BinaryData.FromString("record_id\n1\n"));
        await container.UploadBlobAsync("a.ndjson", BinaryData.FromString("{}\n"));
        await container.UploadBlobAsync("readme.txt", BinaryData.FromString("not a batch"));

        var files = await new BlobFileDropSource(container).ListAsync();

        Assert.Equal([("a.ndjson", 3L), ("b.csv", 12L)], files.Select(f => (f.Name, f.Length)));
    }

    [Fact]
    public async Task PullAsync_CsvBlobInPages_ReadsEveryRowOnceAndResumesFromTheCheckpoint()
    {
        var container = await azurite.CreateContainerAsync();
        await container.UploadBlobAsync("members-001.csv", BinaryData.FromString("record_id,email\n1,a@example.com\n2,b@example.com\n3,c@example.com\n"));
        var connector = new FileDropConnector(new BlobFileDropSource(container), Options.Create(new FileDropOptions { PageSize = 2 }));

        var first = await connector.PullAsync("members", null);
        var second = await connector.PullAsync("members", first.NextCheckpoint);
        var third = await connector.PullAsync("members", second.NextCheckpoint);

        Assert.Equal(["1", "2"], first.Items.Select(i => i.Payload.GetProperty("record_id").GetString()));
        Assert.Equal(["3"], second.Items.Select(i => i.Payload.GetProperty("record_id").GetString()));
        Assert.Empty(third.Items);
        Assert.False(third.HasMore);
        Assert.StartsWith("record_id,email\n", Encoding.UTF8.GetString(second.Raw.Span), StringComparison.Ordinal);
    }
}
