using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360Hub.Azure.Http;

[JsonSerializable(typeof(IReadOnlyList<DeadLetterView>))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(ReplayResult))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class AzureApiJsonContext : JsonSerializerContext;
