using System.Globalization;
using System.Text;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>An opaque position in a record feed (modification time and id), as the vendors' cursors are opaque.</summary>
internal static class Cursor
{
    public static string Encode(WorldRecord last) => Encode(last.ModifiedAt, last.RecordId);

    public static string Encode(DateTimeOffset at, string recordId, string? extra = null) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('|', at.UtcTicks.ToString(CultureInfo.InvariantCulture), recordId, extra ?? string.Empty)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out DateTimeOffset at, out string recordId, out string extra)
    {
        at = default;
        recordId = extra = string.Empty;
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 3);
            if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return false;
            }

            at = new DateTimeOffset(ticks, TimeSpan.Zero);
            recordId = parts[1];
            extra = parts[2];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Up to <paramref name="limit"/> records after the position, and whether more follow.</summary>
    public static (List<WorldRecord> Page, bool HasMore) Take(IEnumerable<WorldRecord> records, int limit)
    {
        var page = new List<WorldRecord>(Math.Min(limit, 1024));
        foreach (var record in records)
        {
            if (page.Count == limit)
            {
                return (page, true);
            }

            page.Add(record);
        }

        return (page, false);
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string IsoSeconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
