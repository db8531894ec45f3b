namespace Customer360Hub.Profiles;

/// <summary>A possible match waiting for a steward (container <c>reviews</c>, partition = id = the pair).</summary>
public sealed record ReviewItem(string Id, string RecordKey, string OtherKey, double Score, DateTimeOffset Since)
{
    public static string IdFor(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;
}
