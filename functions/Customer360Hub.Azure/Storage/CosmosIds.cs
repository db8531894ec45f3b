using System.Globalization;
using System.Text;

namespace Customer360Hub.Azure.Storage;

/// <summary>
/// Cosmos DB forbids '/', '\', '?' and '#' in ids, and the hub's keys contain '/' (record keys are
/// <c>source/entityType/recordId</c>). They are escaped as <c>!XX</c> (and '!' itself), a mapping per
/// character, so an escaped prefix is still a prefix and ids decode exactly. '!' sorts just below
/// every other printable character except the space, so id order changes only where an escaped
/// character meets one of <c>"#$%&amp;'()*+,-.</c> at the same position; '%' is avoided because
/// gateways handle it inconsistently in resource paths.
/// </summary>
internal static class CosmosIds
{
    public static string Encode(string id)
    {
        if (id.AsSpan().IndexOfAny("!/\\?#") < 0)
        {
            return id;
        }

        var encoded = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (c is '!' or '/' or '\\' or '?' or '#')
            {
                encoded.Append('!').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append(c);
            }
        }

        return encoded.ToString();
    }

    public static string Decode(string id)
    {
        if (!id.Contains('!', StringComparison.Ordinal))
        {
            return id;
        }

        var decoded = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] == '!' && i + 2 < id.Length && int.TryParse(id.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 2;
            }
            else
            {
                decoded.Append(id[i]);
            }
        }

        return decoded.ToString();
    }
}
