using System.Buffers.Text;
using System.Text;
using Customer360Hub.Api.Pipeline;

namespace Customer360Hub.Api.Profiles;

/// <summary>Opaque paging cursors: the store's continuation token, URL-safe.</summary>
internal static class Cursors
{
    private const int MaxLength = 2048;

    public static string? Encode(string? continuation) => continuation is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(continuation));

    public static string? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            if (cursor.Length is > 0 and <= MaxLength)
            {
                return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            }
        }
        catch (FormatException)
        {
        }

        throw Invalid();
    }

    public static ApiProblemException Invalid() =>
        ApiProblemException.BadRequest("The cursor is not valid.", "Pass the nextCursor of the previous page unchanged, with the same query.");
}
