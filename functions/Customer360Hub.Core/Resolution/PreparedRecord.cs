using Customer360Hub.Matching;

namespace Customer360Hub.Resolution;

/// <summary>
/// What the identity engine derives from one version of a record once: its normalised features,
/// the blocking keys it indexes, and the body of its identity index entries (the same for every
/// key but the email key, so a candidate's entry read from a block shows at once whether the
/// cached features are of its current version).
/// </summary>
internal sealed class PreparedRecord(MatchFeatures features, string[] keys, byte[] entryBody)
{
    public MatchFeatures Features => features;

    public string Version => features.Version;

    public string[] Keys => keys;

    public byte[] EntryBody => entryBody;

    /// <summary>For a contact person: the index key listing it among its organisation's contacts.</summary>
    public string? ContactKey { get; } = features.AccountRef is { } account ? OrganizationContacts.KeyPrefix + account : null;

    /// <summary>Every key the record puts into the identity index: its blocking keys and its contact key.</summary>
    public IEnumerable<string> IndexKeys => ContactKey is { } contact ? [.. keys, contact] : keys;
}
