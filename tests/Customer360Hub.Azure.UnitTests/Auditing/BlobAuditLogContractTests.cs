using Azure.Storage.Blobs.Models;
using Customer360Hub.Auditing;
using Customer360Hub.Azure.Auditing;
using Customer360Hub.Azure.UnitTests.Support;

namespace Customer360Hub.Azure.UnitTests.Auditing;

/// <summary>The Azure home of the audit trail (append blobs on Azurite) against the shared contract, and what only it does.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobAuditLogContractTests(AzuriteFixture azurite) : AuditLogContract
{
    [Fact]
    public async Task AppendAsync_TwoInstancesOnOneDay_AppendToTheSameBlobAndBothAreRead()
    {
        var container = await azurite.CreateContainerAsync();
        var one = new BlobAuditLog(container);
        var two = new BlobAuditLog(container);

        await one.AppendAsync([Record(0, "alice", "p-00000000000000000001")]);
        await two.AppendAsync([Record(1, "bob", "p-00000000000000000001")]);
        await one.AppendAsync([Record(2, "carol", "p-00000000000000000001")]);

        var blobs = new List<BlobItem>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob);
        }

        var appended = Assert.Single(blobs);
        Assert.Equal(BlobType.Append, appended.Properties.BlobType);
        Assert.Equal("2026/11/02/00000.jsonl", appended.Name);
        var page = await new BlobAuditLog(container).QueryAsync(new AuditQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(["alice", "bob", "carol"], page.Records.Select(r => r.Caller));
    }

    protected override async Task<IAuditLog> CreateLogAsync() => new BlobAuditLog(await azurite.CreateContainerAsync());
}
