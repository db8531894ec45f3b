namespace Customer360Hub.Profiles;

/// <summary>The multi-valued contact points of a profile, each list primary first.</summary>
public sealed record ContactPoints
{
    public List<ContactPoint> Emails { get; init; } = [];

    public List<ContactPoint> Phones { get; init; } = [];

    public List<ContactPoint> Addresses { get; init; } = [];
}
