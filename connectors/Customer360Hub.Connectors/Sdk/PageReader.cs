using System.Globalization;
using System.Text.Json;

namespace Customer360Hub.Connectors.Sdk;

/// <summary>Helpers connectors share to read items out of a JSON page.</summary>
public static class PageReader
{
    /// <summary>
    /// Reads the items of an array property. An element without an id or a parseable modification
    /// time is reported as unreadable instead of stopping the page.
    /// </summary>
    public static (List<SourceItem> Items, List<UnreadableItem> Unreadable) ReadItems(
        JsonElement array,
        string entityType,
        Func<JsonElement, string?> id,
        Func<JsonElement, string?> modifiedAt,
        Func<JsonElement, string?> version,
        Func<JsonElement, bool> deleted)
    {
        var items = new List<SourceItem>();
        var unreadable = new List<UnreadableItem>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            unreadable.Add(new UnreadableItem(null, $"the page has no {entityType} array"));
            return (items, unreadable);
        }

        foreach (var element in array.EnumerateArray())
        {
            var recordId = element.ValueKind == JsonValueKind.Object ? id(element) : null;
            if (string.IsNullOrWhiteSpace(recordId))
            {
                unreadable.Add(new UnreadableItem(null, $"a {entityType} item has no id", Fingerprint(element.GetRawText())));
                continue;
            }

            var modifiedText = modifiedAt(element);
            if (!DateTimeOffset.TryParse(modifiedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified))
            {
                unreadable.Add(new UnreadableItem(recordId, $"{entityType} {recordId} has no valid modification time ('{modifiedText}')"));
                continue;
            }

            var recordVersion = version(element) ?? modified.UtcTicks.ToString(CultureInfo.InvariantCulture);
            items.Add(new SourceItem(entityType, recordId, recordVersion, modified, deleted(element), element.Clone()));
        }

        return (items, unreadable);
    }

    /// <summary>A short, stable hash of an item's text (for items that have no id).</summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))[..8]);

    /// <summary>A string or number property as text; null when missing.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
