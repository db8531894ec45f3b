namespace Customer360Hub.Changes;

/// <summary>Builds and parses the hub-wide record key <c>source/entityType/recordId</c>.</summary>
public static class RecordKeys
{
    public const string EmailRefPrefix = "email:";

    public static string Of(string source, string entityType, string recordId) =>
        string.Concat(source, "/", entityType, "/", recordId);

    /// <summary>Splits a record key; the record id may itself contain slashes.</summary>
    public static (string Source, string EntityType, string RecordId) Parse(string recordKey)
    {
        ArgumentNullException.ThrowIfNull(recordKey);
        var first = recordKey.IndexOf('/', StringComparison.Ordinal);
        var second = first < 0 ? -1 : recordKey.IndexOf('/', first + 1);
        if (first <= 0 || second <= first + 1 || second == recordKey.Length - 1)
        {
            throw new FormatException($"'{recordKey}' is not a record key of the form source/entityType/recordId.");
        }

        return (recordKey[..first], recordKey[(first + 1)..second], recordKey[(second + 1)..]);
    }
}
