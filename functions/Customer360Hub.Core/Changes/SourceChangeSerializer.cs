using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Customer360Hub.Changes;

/// <summary>
/// Writes and reads <see cref="SourceChange"/> as a CloudEvents 1.0 event in structured JSON
/// mode. Hand-written on Utf8JsonWriter/Utf8JsonReader because it sits on the hot path of
/// every change.
/// </summary>
public static class SourceChangeSerializer
{
    public const string UpsertedType = "com.customer360hub.record.upserted.v1";
    public const string DeletedType = "com.customer360hub.record.deleted.v1";
    public const string ContentType = "application/cloudevents+json";

    public static byte[] Serialize(SourceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("specversion", "1.0");
            w.WriteString("type", change.Operation == ChangeOperation.Delete ? DeletedType : UpsertedType);
            w.WriteString("source", "/sources/" + change.Source);
            w.WriteString("id", change.Id);
            w.WriteString("time", change.ModifiedAt);
            w.WriteString("subject", change.EntityType + "/" + change.RecordId);
            w.WriteString("datacontenttype", "application/json");
            w.WriteString("partitionkey", change.PartitionKey);
            w.WriteStartObject("data");
            w.WriteString("source", change.Source);
            w.WriteString("entityType", change.EntityType);
            w.WriteString("kind", KindNames.ToName(change.Kind));
            w.WriteString("recordId", change.RecordId);
            w.WriteString("sourceVersion", change.SourceVersion);
            w.WriteString("modifiedAt", change.ModifiedAt);
            w.WriteString("operation", change.Operation == ChangeOperation.Delete ? "delete" : "upsert");
            w.WriteString("pulledAt", change.PulledAt);
            if (change.RawRef is not null)
            {
                w.WriteString("rawRef", change.RawRef);
            }

            if (change.CustomerRef is not null)
            {
                w.WriteString("customerRef", change.CustomerRef);
            }

            w.WriteStartObject("attributes");
            foreach (var (name, value) in change.Attributes)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one event; throws <see cref="MalformedChangeException"/> with the reason when it is not a valid change.</summary>
    public static SourceChange Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return Read(json);
        }
        catch (JsonException ex)
        {
            throw new MalformedChangeException($"not valid JSON: {ex.Message}", ex);
        }
    }

    private static SourceChange Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject, "the event is not a JSON object");
        string? specVersion = null, type = null, id = null;
        DataFields? data = null;
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"))
            {
                Expect(ref reader, JsonTokenType.StartObject, "'data' is not an object");
                data = ReadData(ref reader);
            }
            else if (reader.ValueTextEquals("specversion"))
            {
                specVersion = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("type"))
            {
                type = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("id"))
            {
                id = ReadString(ref reader);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (specVersion != "1.0")
        {
            throw new MalformedChangeException($"specversion must be '1.0', was '{specVersion}'");
        }

        if (type is not (UpsertedType or DeletedType))
        {
            throw new MalformedChangeException($"unknown event type '{type}'");
        }

        if (string.IsNullOrEmpty(id))
        {
            throw new MalformedChangeException("the event has no id");
        }

        if (data is null)
        {
            throw new MalformedChangeException("the event has no data");
        }

        var operation = type == DeletedType ? ChangeOperation.Delete : ChangeOperation.Upsert;
        return new SourceChange
        {
            Id = id,
            Source = Required(data.Source, "data.source"),
            EntityType = Required(data.EntityType, "data.entityType"),
            Kind = KindNames.Parse(Required(data.Kind, "data.kind")),
            RecordId = Required(data.RecordId, "data.recordId"),
            SourceVersion = Required(data.SourceVersion, "data.sourceVersion"),
            ModifiedAt = data.ModifiedAt ?? throw new MalformedChangeException("data.modifiedAt is missing"),
            Operation = operation,
            PulledAt = data.PulledAt ?? default,
            RawRef = data.RawRef,
            CustomerRef = data.CustomerRef,
            Attributes = data.Attributes ?? new Dictionary<string, string>(),
        };
    }

    private static DataFields ReadData(ref Utf8JsonReader reader)
    {
        var data = new DataFields();
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("attributes"))
            {
                Expect(ref reader, JsonTokenType.StartObject, "data.attributes is not an object");
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var value = ReadString(ref reader);
                    if (value is not null)
                    {
                        attributes[name] = value;
                    }
                }

                data.Attributes = attributes;
                continue;
            }

            var property = reader.GetString();
            var text = ReadString(ref reader);
            switch (property)
            {
                case "source": data.Source = text; break;
                case "entityType": data.EntityType = text; break;
                case "kind": data.Kind = text; break;
                case "recordId": data.RecordId = text; break;
                case "sourceVersion": data.SourceVersion = text; break;
                case "modifiedAt": data.ModifiedAt = ParseTime(text, "data.modifiedAt"); break;
                case "pulledAt": data.PulledAt = ParseTime(text, "data.pulledAt"); break;
                case "rawRef": data.RawRef = text; break;
                case "customerRef": data.CustomerRef = text; break;
                default: break;
            }
        }

        return data;
    }

    private static DateTimeOffset? ParseTime(string? text, string field) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value
        : throw new MalformedChangeException($"{field} is not an ISO 8601 time: '{text}'");

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new MalformedChangeException($"{field} is missing") : value;

    /// <summary>Reads a string, number or null value; objects and arrays are rejected.</summary>
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            JsonTokenType.Number => Encoding.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new MalformedChangeException($"expected a scalar value, found {reader.TokenType}"),
        };
    }

    private static bool Next(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new MalformedChangeException("the event ends too early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string reason)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new MalformedChangeException(reason);
        }
    }

    private static readonly System.Text.UTF8Encoding Encoding = new(false);

    private sealed class DataFields
    {
        public string? Source { get; set; }
        public string? EntityType { get; set; }
        public string? Kind { get; set; }
        public string? RecordId { get; set; }
        public string? SourceVersion { get; set; }
        public DateTimeOffset? ModifiedAt { get; set; }
        public DateTimeOffset? PulledAt { get; set; }
        public string? RawRef { get; set; }
        public string? CustomerRef { get; set; }
        public Dictionary<string, string>? Attributes { get; set; }
    }
}
