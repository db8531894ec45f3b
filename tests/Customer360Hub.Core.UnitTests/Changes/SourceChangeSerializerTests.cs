using System.Text;
using CloudNative.CloudEvents.SystemTextJson;
using Customer360Hub.Changes;

namespace Customer360Hub.Core.UnitTests.Changes;

public sealed class SourceChangeSerializerTests
{
    private static readonly SourceChange Change = new()
    {
        Id = IdempotencyId.For("stripe", "invoice", "in_1", "7", ChangeOperation.Upsert),
        Source = "stripe",
        EntityType = "invoice",
        Kind = RecordKind.Invoice,
        RecordId = "in_1",
        SourceVersion = "7",
        ModifiedAt = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero),
        Operation = ChangeOperation.Upsert,
        PulledAt = new DateTimeOffset(2026, 11, 2, 10, 0, 5, TimeSpan.Zero),
        RawRef = "stripe/invoice/2026/11/02/100005000-abc.json#3",
        CustomerRef = "stripe/customer/cus_1",
        Attributes = new Dictionary<string, string> { ["amount"] = "120.50", ["currency"] = "EUR", ["title"] = "Ünïcødé \"quoted\"" },
    };

    [Fact]
    public void Deserialize_Serialized_RoundTripsEveryField()
    {
        var back = SourceChangeSerializer.Deserialize(SourceChangeSerializer.Serialize(Change));

        Assert.Equal(Change with { Attributes = back.Attributes }, back);
        Assert.Equal(Change.Attributes, back.Attributes);
    }

    [Fact]
    public void Serialize_Change_IsAValidCloudEvent()
    {
        var formatter = new JsonEventFormatter();
        var cloudEvent = formatter.DecodeStructuredModeMessage(SourceChangeSerializer.Serialize(Change), new System.Net.Mime.ContentType("application/cloudevents+json"), null);

        Assert.Equal(Change.Id, cloudEvent.Id);
        Assert.Equal(new Uri("/sources/stripe", UriKind.Relative), cloudEvent.Source);
        Assert.Equal(SourceChangeSerializer.UpsertedType, cloudEvent.Type);
        Assert.Equal("invoice/in_1", cloudEvent.Subject);
        Assert.Equal(Change.ModifiedAt, cloudEvent.Time);
        Assert.Equal("stripe/customer/cus_1", cloudEvent["partitionkey"]);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"specversion":"0.3","type":"com.customer360hub.record.upserted.v1","id":"x","data":{}}""", "specversion must be '1.0'")]
    [InlineData("""{"specversion":"1.0","type":"other","id":"x","data":{}}""", "unknown event type")]
    [InlineData("""{"specversion":"1.0","type":"com.customer360hub.record.upserted.v1","id":"x","data":{"source":"s"}}""", "data.entityType is missing")]
    [InlineData("""{"specversion":"1.0","type":"com.customer360hub.record.upserted.v1","id":"x","data":{"source":"s","entityType":"e","kind":"spaceship","recordId":"1","sourceVersion":"1","modifiedAt":"2026-01-01T00:00:00Z"}}""", "unknown record kind 'spaceship'")]
    [InlineData("""{"specversion":"1.0","type":"com.customer360hub.record.upserted.v1","id":"x","data":{"source":"s","entityType":"e","kind":"party","recordId":"1","sourceVersion":"1","modifiedAt":"yesterday"}}""", "data.modifiedAt is not an ISO 8601 time")]
    public void Deserialize_Malformed_ThrowsWithTheReason(string json, string reason)
    {
        var error = Assert.Throws<MalformedChangeException>(() => SourceChangeSerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdempotencyId_SameRecordVersion_IsStableAndChangesWithVersionOrOperation()
    {
        var id = IdempotencyId.For("zendesk", "users", "42", "v1", ChangeOperation.Upsert);

        Assert.Equal(id, IdempotencyId.For("zendesk", "users", "42", "v1", ChangeOperation.Upsert));
        Assert.NotEqual(id, IdempotencyId.For("zendesk", "users", "42", "v2", ChangeOperation.Upsert));
        Assert.NotEqual(id, IdempotencyId.For("zendesk", "users", "42", "v1", ChangeOperation.Delete));
    }
}
