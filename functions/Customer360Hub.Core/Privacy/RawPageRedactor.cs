using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Customer360Hub.Privacy;

/// <summary>
/// Redacts an archived raw page for an erasure. In a JSON page, an item whose <c>id</c> is one of
/// the person's records in that source entity has every value but its id replaced, and the
/// person's distinctive values are scrubbed wherever else they appear (a ticket quoting an email).
/// A page that is not JSON is scrubbed as text.
/// </summary>
public static class RawPageRedactor
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The redacted page, or null when nothing in it concerns the person.</summary>
    public static byte[]? Redact(ReadOnlySpan<byte> page, string reference, ErasureScope scope)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(scope);
        var segments = reference.Split('/');
        var ids = segments.Length > 2 ? scope.RecordIdsOf(segments[0], segments[1]) : [];
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(page);
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(page);
            var scrubbed = scope.Scrub(text);
            return scrubbed == text ? null : Encoding.UTF8.GetBytes(scrubbed);
        }

        if (root is null || !Walk(root, ids, scope))
        {
            return null;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString(Output));
    }

    private static bool Walk(JsonNode node, HashSet<string> ids, ErasureScope scope)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject item when ids.Count > 0 && IdOf(item) is { } id && ids.Contains(id):
                EraseValues(item);
                return true;
            case JsonObject item:
                foreach (var (name, value) in item.ToList())
                {
                    changed |= Replace(value, replacement => item[name] = replacement, ids, scope);
                }

                return changed;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    changed |= Replace(array[i], replacement => array[index] = replacement, ids, scope);
                }

                return changed;
            default:
                return false;
        }
    }

    private static bool Replace(JsonNode? value, Action<JsonNode> set, HashSet<string> ids, ErasureScope scope)
    {
        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue<string>(out var text) && scope.ContainsNeedle(text))
            {
                set(JsonValue.Create(scope.Scrub(text)));
                return true;
            }

            return false;
        }

        return value is not null && Walk(value, ids, scope);
    }

    private static string? IdOf(JsonObject item)
    {
        foreach (var (name, value) in item)
        {
            if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase) && value is JsonValue scalar)
            {
                return scalar.TryGetValue<string>(out var text) ? text : scalar.ToJsonString();
            }
        }

        return null;
    }

    private static void EraseValues(JsonObject item)
    {
        foreach (var (name, value) in item.ToList())
        {
            if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            switch (value)
            {
                case JsonObject child:
                    EraseValues(child);
                    break;
                case JsonArray:
                    item[name] = new JsonArray();
                    break;
                case null:
                    break;
                default:
                    item[name] = JsonValue.Create(ErasureScope.Redacted);
                    break;
            }
        }
    }
}
