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
}
