using System.Text.Json.Serialization;

namespace Customer360Hub.Auditing;

/// <summary>
/// Writes audit records on the source generator's fast path, which the reading options of
/// <see cref="Json.CoreJsonContext"/> rule out; every read is audited, so this is on the API's hot
/// path. The JSON is the same: records are read back with <see cref="Json.CoreJsonContext"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(AuditRecord))]
public sealed partial class AuditJsonContext : JsonSerializerContext;
