using Customer360Hub.Changes;
using Customer360Hub.Profiles;

namespace Customer360Hub.Resolution;

/// <summary>
/// A <see cref="SourceRecord"/> read without its attributes and match keys: what re-clustering
/// needs to know about a record (which profile it is in, whether it is live, which version).
/// </summary>
public sealed record RecordHead(string RecordKey, RecordKind Kind, bool Deleted, string? ProfileId, string SourceVersion, DateTimeOffset ModifiedAt)
{
    public static RecordHead Of(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RecordHead(record.RecordKey, record.Kind, record.Deleted, record.ProfileId, record.SourceVersion, record.ModifiedAt);
    }
}
