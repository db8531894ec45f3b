using System.Text.Json;
using System.Text.Json.Serialization;
using Customer360Hub.Changes;
using Customer360Hub.Json;

namespace Customer360Hub.Connectors.Mapping;

/// <summary>The mapping of one connector: source entity type to <see cref="EntityMapping"/>. Loaded from <c>*.mapping.json</c>.</summary>
public sealed record SourceMapping
{
    public required string Source { get; init; }

    public Dictionary<string, EntityMapping> Entities { get; init; } = [];

    public static SourceMapping Parse(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, MappingJson.Default.SourceMapping) ?? throw new JsonException("The mapping is empty.");

    /// <summary>Loads <c>name.mapping.json</c> embedded next to a connector type.</summary>
    public static SourceMapping FromResource(Type connectorType, string name)
    {
        ArgumentNullException.ThrowIfNull(connectorType);
        var assembly = connectorType.Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + name + ".mapping.json", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No embedded mapping '{name}.mapping.json' in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, Converters = [typeof(CamelCaseEnumConverter<RecordKind>)])]
[JsonSerializable(typeof(SourceMapping))]
internal sealed partial class MappingJson : JsonSerializerContext;
