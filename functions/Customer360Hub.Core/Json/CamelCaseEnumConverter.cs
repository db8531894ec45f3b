using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360Hub.Json;

/// <summary>Enums as camelCase strings, the API's convention.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
