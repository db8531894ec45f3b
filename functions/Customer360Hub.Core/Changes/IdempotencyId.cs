using System.Security.Cryptography;
using System.Text;

namespace Customer360Hub.Changes;

/// <summary>
/// The deterministic id of a change: the same source record at the same version and operation
/// always gets the same id, so a resend is recognised as a duplicate by every bus and store.
/// </summary>
public static class IdempotencyId
{
    public static string For(string source, string entityType, string recordId, string sourceVersion, ChangeOperation operation)
    {
        var text = string.Join('\u001f', source, entityType, recordId, sourceVersion, operation == ChangeOperation.Delete ? "d" : "u");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
