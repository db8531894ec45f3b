using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Customer360Hub.Auditing;

/// <summary>
/// Ids for audit records and requests, 32 lowercase hex digits like a GUID: the time in
/// milliseconds, a random number drawn once per process, and a counter. Unique without a random
/// draw per id (a GUID costs a system call each, on every audited read), and ordered by time,
/// then by issue within one process.
/// </summary>
public static class AuditIds
{
    private static readonly ulong ProcessNumber = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private static long _counter = (long)(ProcessNumber >> 40);

    /// <summary>A new id for something that happened at <paramref name="at"/>.</summary>
    public static string Next(DateTimeOffset at)
    {
        var count = (ulong)Interlocked.Increment(ref _counter);
        Span<byte> bytes = stackalloc byte[16];
        // 48 bits of time, 32 of the process number, 48 of the counter.
        BinaryPrimitives.WriteUInt64BigEndian(bytes, ((ulong)Math.Max(0, at.ToUnixTimeMilliseconds()) << 16) | (ProcessNumber >> 48));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (ProcessNumber << 16 & 0xFFFF_0000_0000_0000) | (count & 0xFFFF_FFFF_FFFF));
        return Convert.ToHexStringLower(bytes);
    }
}
