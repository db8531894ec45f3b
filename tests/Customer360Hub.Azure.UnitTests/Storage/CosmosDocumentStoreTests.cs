using System.Net;
using System.Text;
using Customer360Hub.Azure.Storage;
using Customer360Hub.Storage;
using Microsoft.Azure.Cosmos;
using Moq;

namespace Customer360Hub.Azure.UnitTests.Storage;

/// <summary>How the Cosmos DB store turns service errors into what the hub acts on.</summary>
public sealed class CosmosDocumentStoreTests
{
    private readonly Mock<Container> _container = new();
    private readonly CosmosDocumentStore _store;

    public CosmosDocumentStoreTests()
    {
        var database = new Mock<Database>();
        database.Setup(d => d.GetContainer(It.IsAny<string>())).Returns(_container.Object);
        _store = new CosmosDocumentStore(database.Object);
    }

    [Fact]
    public async Task ReadAsync_ThrottledAfterTheSdkRetries_ThrowsTransientErrorWithRetryAfter()
    {
        var throttled = new ResponseMessage(HttpStatusCode.TooManyRequests);
        throttled.Headers.Add("x-ms-retry-after-ms", "1500");
        _container.Setup(c => c.ReadItemStreamAsync("p-1", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>())).ReturnsAsync(throttled);

        var error = await Assert.ThrowsAsync<CosmosThrottledException>(() => _store.ReadAsync(Containers.Profiles, [DocumentKey.Single("p-1")]));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
    }

    [Fact]
    public async Task ReadAsync_NotFound_LeavesTheKeyOut()
    {
        _container.Setup(c => c.ReadItemStreamAsync(It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ResponseMessage(HttpStatusCode.NotFound));

        Assert.Empty(await _store.ReadAsync(Containers.Profiles, [DocumentKey.Single("p-1"), DocumentKey.Single("p-2")]));
    }

    [Fact]
    public async Task WriteAsync_ReplacePreconditionFailed_ThrowsConflictNamingTheDocument()
    {
        ItemRequestOptions? sent = null;
        _container.Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), "p-1", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Callback<Stream, string, PartitionKey, ItemRequestOptions, CancellationToken>((_, _, _, options, _) => sent = options)
            .ReturnsAsync(new ResponseMessage(HttpStatusCode.PreconditionFailed));

        var error = await Assert.ThrowsAsync<DocumentConflictException>(() => _store.WriteAsync([new DocumentWrite(Containers.Profiles, DocumentKey.Single("p-1"), WriteOperation.Replace, Encoding.UTF8.GetBytes("{}"), "\"etag-1\"")]));

        Assert.Equal("\"etag-1\"", sent?.IfMatchEtag);
        Assert.Equal(DocumentKey.Single("p-1"), error.Key);
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ConditionalDeleteOfMissingDocument_ThrowsConflict()
    {
        _container.Setup(c => c.DeleteItemStreamAsync("p-1", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ResponseMessage(HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<DocumentConflictException>(() => _store.WriteAsync([DocumentWrite.Delete(Containers.Profiles, DocumentKey.Single("p-1"), "\"etag-1\"")]));
    }

    [Fact]
    public async Task WriteAsync_ThrottledWrite_ThrowsTransientErrorSoTheBusRetries()
    {
        var throttled = new ResponseMessage(HttpStatusCode.TooManyRequests);
        throttled.Headers.Add("x-ms-retry-after-ms", "250");
        _container.Setup(c => c.UpsertItemStreamAsync(It.IsAny<Stream>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>())).ReturnsAsync(throttled);

        var error = await Assert.ThrowsAsync<CosmosThrottledException>(() => _store.WriteAsync([DocumentWrite.Upsert(Containers.Profiles, DocumentKey.Single("p-1"), Encoding.UTF8.GetBytes("{}"))]));

        Assert.Equal(TimeSpan.FromMilliseconds(250), error.RetryAfter);
    }

    [Fact]
    public async Task WriteAsync_UpsertWithETag_IsSentAsConditionalReplaceWithEnvelope()
    {
        string? sentBody = null;
        _container.Setup(c => c.ReplaceItemStreamAsync(It.IsAny<Stream>(), "zendesk!2Fusers!2F1", It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Callback<Stream, string, PartitionKey, ItemRequestOptions, CancellationToken>((body, _, _, _, _) => sentBody = new StreamReader(body).ReadToEnd())
            .ReturnsAsync(new ResponseMessage(HttpStatusCode.OK));

        await _store.WriteAsync([new DocumentWrite(Containers.Records, DocumentKey.Single("zendesk/users/1"), WriteOperation.Upsert, Encoding.UTF8.GetBytes("""{"a":1}"""), "\"e\"", TimeSpan.FromMinutes(2))]);

        Assert.Equal("""{"id":"zendesk!2Fusers!2F1","pk":"zendesk/users/1","ttl":120,"doc":{"a":1}}""", sentBody);
    }
}
