using System.Globalization;
using System.Text;

namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Record ids in each vendor's own style. Every id encodes its unit and slot (a record number
/// inside the unit), so the sandbox can find any record again from its id alone.
/// </summary>
public static class RecordIds
{
    /// <summary>Records per unit and entity type an id can tell apart.</summary>
    public const int SlotsPerUnit = 1 << 20;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A unit and slot as one number.</summary>
    public static long Sequence(int unit, int slot) => ((long)unit * SlotsPerUnit) + slot;

    public static (int Unit, int Slot) FromSequence(long sequence) => ((int)(sequence / SlotsPerUnit), (int)(sequence % SlotsPerUnit));

    /// <summary>A number with a fixed vendor-looking offset, e.g. Zendesk and HubSpot ids.</summary>
    public static string Numeric(long offset, int unit, int slot) => (offset + Sequence(unit, slot)).ToString(CultureInfo.InvariantCulture);

    public static bool TryNumeric(string id, long offset, out int unit, out int slot)
    {
        unit = slot = 0;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < offset)
        {
            return false;
        }

        (unit, slot) = FromSequence(value - offset);
        return true;
    }

    /// <summary>A Stripe-style id: <c>prefix_</c> then base62 with a check tail.</summary>
    public static string Stripe(string prefix, int seed, int unit, int slot)
    {
        var sequence = Sequence(unit, slot);
        var check = WorldRandom.Hash((ulong)seed, WorldRandom.StableHash(prefix), (ulong)sequence, 7);
        return prefix + "_" + ToBase62((ulong)sequence, 9) + ToBase62(check, 5)[..5];
    }

    public static bool TryStripe(string id, string prefix, out int unit, out int slot)
    {
        unit = slot = 0;
        if (!id.StartsWith(prefix + "_", StringComparison.Ordinal) || id.Length != prefix.Length + 15)
        {
            return false;
        }

        if (!TryFromBase62(id.AsSpan(prefix.Length + 1, 9), out var sequence))
        {
            return false;
        }

        (unit, slot) = FromSequence((long)sequence);
        return true;
    }

    /// <summary>A Salesforce 18-character id with the object's key prefix and the case-safe suffix.</summary>
    public static string Salesforce(string keyPrefix, int unit, int slot)
    {
        var id15 = keyPrefix + "5g" + ToBase62((ulong)Sequence(unit, slot), 10);
        return id15 + SalesforceSuffix(id15);
    }

    public static bool TrySalesforce(string id, string keyPrefix, out int unit, out int slot)
    {
        unit = slot = 0;
        if (id.Length is not (15 or 18) || !id.StartsWith(keyPrefix + "5g", StringComparison.Ordinal) || !TryFromBase62(id.AsSpan(5, 10), out var sequence))
        {
            return false;
        }

        (unit, slot) = FromSequence((long)sequence);
        return true;
    }

    /// <summary>A deterministic GUID (Business Central's <c>id</c>) that ends with the unit and slot.</summary>
    public static string Guid(int seed, string kind, int unit, int slot)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, WorldRandom.Hash((ulong)seed, WorldRandom.StableHash(kind), (ulong)unit, (ulong)slot));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        var sequence = Sequence(unit, slot);
        for (var i = 0; i < 8; i++)
        {
            bytes[15 - i] = (byte)(sequence >> (8 * i));
        }

        return new System.Guid(bytes).ToString();
    }

    private static string SalesforceSuffix(string id15)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        var suffix = new StringBuilder(3);
        for (var block = 0; block < 3; block++)
        {
            var flags = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(block * 5) + i]))
                {
                    flags |= 1 << i;
                }
            }

            suffix.Append(alphabet[flags]);
        }

        return suffix.ToString();
    }

    private static string ToBase62(ulong value, int width)
    {
        Span<char> chars = stackalloc char[13];
        var length = 0;
        do
        {
            chars[length++] = Base62[(int)(value % 62)];
            value /= 62;
        }
        while (value > 0);
        while (length < width)
        {
            chars[length++] = '0';
        }

        chars[..length].Reverse();
        return new string(chars[..length]);
    }

    private static bool TryFromBase62(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = Base62.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 62) + (ulong)digit;
        }

        return true;
    }
}
