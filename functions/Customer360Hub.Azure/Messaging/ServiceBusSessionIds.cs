using System.Security.Cryptography;
using System.Text;

namespace Customer360Hub.Azure.Messaging;

/// <summary>Session and message ids within Service Bus's 128-character limit, deterministically.</summary>
internal static class ServiceBusSessionIds
{
    private const int MaxLength = 128;

    /// <summary>The id itself when it fits; otherwise a hash of it, so one key still maps to one session.</summary>
    public static string Fit(string id) =>
        id.Length <= MaxLength ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
