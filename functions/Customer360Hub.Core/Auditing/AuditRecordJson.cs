using System.Buffers;
using System.Text.Json;

namespace Customer360Hub.Auditing;

/// <summary>
/// Writes an audit record as the JSON that <see cref="Json.CoreJsonContext"/> writes and reads back,
/// by hand because every read is audited and this is on the API's busiest path: the roles and field
/// groups of a busy caller repeat from record to record, so each thread keeps the encoded bytes of
/// the lists it wrote last and reuses them when the values are equal.
/// </summary>
public static class AuditRecordJson
{
    private const int RememberedLists = 8;

    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText AtName = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText CorrelationIdName = JsonEncodedText.Encode("correlationId");
    private static readonly JsonEncodedText CallerName = JsonEncodedText.Encode("caller");
    private static readonly JsonEncodedText RolesName = JsonEncodedText.Encode("roles");
    private static readonly JsonEncodedText OperationName = JsonEncodedText.Encode("operation");
    private static readonly JsonEncodedText ActionName = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText ProfileIdsName = JsonEncodedText.Encode("profileIds");
    private static readonly JsonEncodedText FieldGroupsName = JsonEncodedText.Encode("fieldGroups");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText DetailName = JsonEncodedText.Encode("detail");

    [ThreadStatic]
    private static (string[] Values, byte[] Json)[]? t_lists;

    [ThreadStatic]
    private static int t_nextList;

    /// <summary>Writes <paramref name="record"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString(IdName, record.Id);
        writer.WriteString(AtName, record.At);
        writer.WriteString(CorrelationIdName, record.CorrelationId);
        writer.WriteString(CallerName, record.Caller);
        writer.WritePropertyName(RolesName);
        WriteRepeated(writer, record.Roles);
        writer.WriteString(OperationName, record.Operation);
        writer.WriteString(ActionName, record.Action);
        writer.WritePropertyName(ProfileIdsName);
        WriteArray(writer, record.ProfileIds);
        writer.WritePropertyName(FieldGroupsName);
        WriteRepeated(writer, record.FieldGroups);
        writer.WriteNumber(StatusName, record.Status);
        if (record.Detail is not null)
        {
            writer.WriteString(DetailName, record.Detail);
        }

        writer.WriteEndObject();
    }

    /// <summary>The record's JSON as UTF-8 bytes.</summary>
    public static byte[] ToUtf8Bytes(AuditRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, record);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRepeated(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        if (values.Count < 2)
        {
            WriteArray(writer, values);
            return;
        }

        var lists = t_lists ??= new (string[], byte[])[RememberedLists];
        foreach (var (seen, json) in lists)
        {
            if (seen is not null && Equal(seen, values))
            {
                writer.WriteRawValue(json, skipInputValidation: true);
                return;
            }
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var encoder = new Utf8JsonWriter(buffer, writer.Options))
        {
            WriteArray(encoder, values);
        }

        var encoded = buffer.WrittenSpan.ToArray();
        lists[t_nextList] = ([.. values], encoded);
        t_nextList = (t_nextList + 1) % RememberedLists;
        writer.WriteRawValue(encoded, skipInputValidation: true);
    }

    private static void WriteArray(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    private static bool Equal(string[] seen, IReadOnlyList<string> values)
    {
        if (seen.Length != values.Count)
        {
            return false;
        }

        for (var i = 0; i < seen.Length; i++)
        {
            if (!string.Equals(seen[i], values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
