using System.Text.Json;
using Customer360Hub.Auditing;
using Customer360Hub.Json;

namespace Customer360Hub.Core.UnitTests.Auditing;

public sealed class AuditRecordJsonTests
{
    private static readonly AuditRecord Sample = new()
    {
        Id = AuditIds.Next(DateTimeOffset.UnixEpoch),
        At = new DateTimeOffset(2026, 11, 23, 9, 0, 0, 123, TimeSpan.Zero),
        CorrelationId = "corr-1",
        Caller = "salesforce \"prod\"",
        Roles = ["sales", "success"],
        Operation = "getProfile",
        Action = AuditActions.Read,
        ProfileIds = ["p-00000000000000000001", "p-00000000000000000002"],
        FieldGroups = ["contact", "pipeline"],
        Status = 200,
        Detail = "lookup by email",
    };

    [Fact]
    public void ToUtf8Bytes_Record_IsTheJsonTheCoreContextWritesAndReads()
    {
        var written = AuditRecordJson.ToUtf8Bytes(Sample);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Sample, CoreJsonContext.Default.AuditRecord), written);
        var read = JsonSerializer.Deserialize(written, CoreJsonContext.Default.AuditRecord)!;
        Assert.Equal(Sample.Roles, read.Roles);
        Assert.Equal(Sample.ProfileIds, read.ProfileIds);
        Assert.Equal(Sample.FieldGroups, read.FieldGroups);
        Assert.Equal(Sample with { Roles = read.Roles, ProfileIds = read.ProfileIds, FieldGroups = read.FieldGroups }, read);
    }

    [Fact]
    public void ToUtf8Bytes_ListsRepeatedOrChanged_AlwaysWritesEachRecordsOwnValues()
    {
        // The first records fill the remembered lists; later ones repeat them with equal values in
        // other list instances, or differ in one value only (and in needing escapes).
        var variants = new List<AuditRecord>();
        for (var i = 0; i < 20; i++)
        {
            variants.Add(Sample with
            {
                Roles = ["sales", i % 3 == 0 ? "success" : "finance"],
                FieldGroups = [.. new[] { "contact", "pipeline", "notes \"" + (i % 11) + "\"" }],
                ProfileIds = [$"p-{i:D20}", "p-00000000000000000002"],
                Detail = i % 2 == 0 ? null : "detail " + i,
            });
        }

        foreach (var record in variants.Concat(variants.AsEnumerable().Reverse()))
        {
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Default.AuditRecord), AuditRecordJson.ToUtf8Bytes(record));
        }
    }
}
