using System.Text.Json;
using Customer360Hub.Auditing;
using Customer360Hub.Json;

namespace Customer360Hub.Core.UnitTests.Auditing;

public sealed class AuditJsonContextTests
{
    [Fact]
    public void Serialize_Record_IsTheJsonTheCoreContextWritesAndReads()
    {
        var record = new AuditRecord
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

        var fast = JsonSerializer.SerializeToUtf8Bytes(record, AuditJsonContext.Default.AuditRecord);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(record, CoreJsonContext.Default.AuditRecord), fast);
        var read = JsonSerializer.Deserialize(fast, CoreJsonContext.Default.AuditRecord)!;
        Assert.Equal(record.Roles, read.Roles);
        Assert.Equal(record.ProfileIds, read.ProfileIds);
        Assert.Equal(record.FieldGroups, read.FieldGroups);
        Assert.Equal(record with { Roles = read.Roles, ProfileIds = read.ProfileIds, FieldGroups = read.FieldGroups }, read);
        Assert.NotNull(AuditJsonContext.Default.AuditRecord.SerializeHandler);
    }
}
