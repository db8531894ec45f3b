using Customer360Hub.Changes;
using Customer360Hub.Connectors.FileDrop;
using Customer360Hub.Connectors.Mapping;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Connectors.UnitTests.FileDrop;

public sealed class FileDropConnectorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-drop-" + Guid.NewGuid().ToString("N"));

    public FileDropConnectorTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PullAsync_CsvThenNdjson_ReadsQuotedFieldsQuarantinesBadRowsAndResumesMidFile()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.csv"),
            "record_id,full_name,email,address_line1\n" +
            "1,\"Smith, Jane\",jane@example.com,\"12 High St\nFlat 2\"\n" +
            ",No Id,x@example.com,\n" +
            "3,Too,many,fields,here\n" +
            "4,Ann Lee,ann@example.com,\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "b.ndjson"),
            "{\"record_id\": \"5\", \"given_name\": \"Bo\", \"email\": \"bo@example.com\"}\nnot json\n");
        var mapper = new RecordMapper(SourceMapping.FromResource(typeof(FileDropConnector), FileDropConnector.SourceName));

        var first = await Connector(pageSize: 2).PullAsync("members", null);
        // A new connector resumes from the checkpoint alone, as after a restart.
        var second = await Connector(pageSize: 2).PullAsync("members", first.NextCheckpoint);
        var third = await Connector(pageSize: 2).PullAsync("members", second.NextCheckpoint);
        var fourth = await Connector(pageSize: 2).PullAsync("members", third.NextCheckpoint);

        var items = new[] { first, second, third, fourth }.SelectMany(p => p.Items).ToList();
        Assert.Equal(["1", "4", "5"], items.Select(i => i.RecordId));
        var jane = mapper.Map(items[0], DateTimeOffset.UnixEpoch, null);
        Assert.Equal("Smith, Jane", jane.Attributes[CanonicalFields.FullName]);
        Assert.Equal("12 High St\nFlat 2", jane.Attributes[CanonicalFields.AddressLine1]);
        Assert.Equal("filedrop/members/5", mapper.Map(items[2], DateTimeOffset.UnixEpoch, null).RecordKey);
        var reasons = new[] { first, second, third, fourth }.SelectMany(p => p.Unreadable ?? []).Select(u => u.Reason).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("no record_id", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("5 fields where the header has 4", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("b.ndjson", StringComparison.Ordinal) && r.Contains("not a JSON object", StringComparison.Ordinal));
        Assert.False(fourth.HasMore);
        // The archived page is the header and the page's rows, byte for byte.
        Assert.StartsWith("record_id,full_name,email,address_line1\n1,\"Smith, Jane\"", System.Text.Encoding.UTF8.GetString(first.Raw.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_UsageExport_MapsToUsageOfTheNamedCustomer()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "usage-2026-11.csv"),
            "record_id,customer_ref,occurred_at,quantity,product\n" +
            "u-1,stripe/customers/cus_123,2026-11-20T00:00:00Z,1250,Team plan\n" +
            "u-2,,2026-11-20T00:00:00Z,5,Team plan\n");
        var mapper = new RecordMapper(SourceMapping.FromResource(typeof(FileDropConnector), FileDropConnector.SourceName));

        var page = await Connector(pageSize: 10, entityType: "usage").PullAsync("usage", null);

        var usage = mapper.Map(page.Items[0], DateTimeOffset.UnixEpoch, null);
        Assert.Equal((RecordKind.Usage, "filedrop/usage/u-1", "stripe/customers/cus_123"), (usage.Kind, usage.RecordKey, usage.CustomerRef));
        Assert.Equal("1250", usage.Attributes[CanonicalFields.Quantity]);
        Assert.Equal("2026-11-20T00:00:00Z", usage.Attributes[CanonicalFields.OccurredAt]);
        var error = Assert.Throws<MappingException>(() => mapper.Map(page.Items[1], DateTimeOffset.UnixEpoch, null));
        Assert.Contains("no customer reference", error.Message, StringComparison.Ordinal);
    }

    private FileDropConnector Connector(int pageSize, string entityType = "members") =>
        new(new FolderFileDropSource(_folder), Options.Create(new FileDropOptions { Folder = _folder, EntityType = entityType, PageSize = pageSize }));
}
