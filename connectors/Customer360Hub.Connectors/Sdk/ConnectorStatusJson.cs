using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>How every status store writes <see cref="ConnectorStatus"/>, so the files and blobs read alike.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ConnectorStatus))]
public sealed partial class ConnectorStatusJson : JsonSerializerContext;
