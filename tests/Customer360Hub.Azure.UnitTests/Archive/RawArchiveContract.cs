using System.Text;
using Customer360Hub.Archive;
using Microsoft.Extensions.Time.Testing;

namespace Customer360Hub.Azure.UnitTests.Archive;

/// <summary>What every <see cref="IRawArchive"/> must do: the folder archive and Blob Storage both run it.</summary>
public abstract class RawArchiveContract
{
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-03T10:20:30.456Z", System.Globalization.CultureInfo.InvariantCulture));

    protected abstract Task<IRawArchive> CreateArchiveAsync();

    [Fact]
    public async Task StoreAsync_Page_IsReadBackExactlyUnderADatePartitionedReference()
    {
        var archive = await CreateArchiveAsync();
        var page = Encoding.UTF8.GetBytes("""{"users":[{"id":1,"name":"Zoë"}]}""");

        var reference = await archive.StoreAsync("zendesk", "users", page);

        Assert.StartsWith("zendesk/users/2026/11/03/102030456-", reference, StringComparison.Ordinal);
        Assert.EndsWith(".json", reference, StringComparison.Ordinal);
        Assert.Equal(page, (await archive.ReadAsync(reference))!.Value.ToArray());
    }

    [Fact]
    public async Task StoreAsync_SamePageTwiceInTheSameMillisecond_KeepsOneCopy()
    {
        var archive = await CreateArchiveAsync();
        var page = Encoding.UTF8.GetBytes("""{"a":1}""");

        var first = await archive.StoreAsync("stripe", "customer", page);
        var second = await archive.StoreAsync("stripe", "customer", page);

        Assert.Equal(first, second);
        Assert.Single(await ListAsync(archive, "stripe/"));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsOnlyThatSourceAndDay()
    {
        var archive = await CreateArchiveAsync();
        var early = await archive.StoreAsync("zendesk", "users", Encoding.UTF8.GetBytes("[1]"));
        await archive.StoreAsync("zendesk", "tickets", Encoding.UTF8.GetBytes("[2]"));
        Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await archive.StoreAsync("zendesk", "users", Encoding.UTF8.GetBytes("[3]"));

        Assert.Equal([early, nextDay], await ListAsync(archive, "zendesk/users/"));
        Assert.Equal([early], await ListAsync(archive, "zendesk/users/2026/11/03/"));
    }

    [Fact]
    public async Task ReadAsync_UnknownReference_ReturnsNull()
    {
        var archive = await CreateArchiveAsync();

        Assert.Null(await archive.ReadAsync("zendesk/users/2026/01/01/000000000-000000000000.json"));
    }

    [Fact]
    public async Task ReadAsync_ReferenceOutsideTheArchive_IsRefused()
    {
        var archive = await CreateArchiveAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => archive.ReadAsync("../secrets.json"));
    }

    [Fact]
    public async Task StoreAsync_SourceNameWithSlash_IsRefused()
    {
        var archive = await CreateArchiveAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => archive.StoreAsync("a/b", "users", Encoding.UTF8.GetBytes("[]")));
    }

    [Fact]
    public async Task RedactAsync_ExistingPage_ReplacesItsContent()
    {
        var archive = await CreateArchiveAsync();
        var reference = await archive.StoreAsync("zendesk", "users", Encoding.UTF8.GetBytes("""{"email":"jane@example.com"}"""));

        await archive.RedactAsync(reference, Encoding.UTF8.GetBytes("""{"email":"[erased]"}"""));

        Assert.Equal("""{"email":"[erased]"}""", Encoding.UTF8.GetString((await archive.ReadAsync(reference))!.Value.Span));
    }

    [Fact]
    public async Task RedactAsync_UnknownReference_ThrowsFileNotFound()
    {
        var archive = await CreateArchiveAsync();

        await Assert.ThrowsAsync<FileNotFoundException>(() => archive.RedactAsync("zendesk/users/2026/01/01/000000000-000000000000.json", Encoding.UTF8.GetBytes("{}")));
    }

    private static async Task<List<string>> ListAsync(IRawArchive archive, string prefix)
    {
        var references = new List<string>();
        await foreach (var reference in archive.ListAsync(prefix))
        {
            references.Add(reference);
        }

        return references;
    }
}
