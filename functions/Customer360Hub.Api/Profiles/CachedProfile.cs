namespace Customer360Hub.Api.Profiles;

/// <summary>
/// One version of a profile (identified by the ETags of its profile, score and aggregates documents)
/// rendered once as the full JSON view, plus its scoped renderings by group mask. Any write to those
/// documents changes an ETag (and, in a store that counts writes, the partition's count); the account a contact
/// belongs to is checked on every read and the clock-dependent parts expire at
/// <see cref="ValidUntil"/>, so a stale view is never served.
/// </summary>
internal sealed record CachedProfile(
    ProfileVersionTag Version,
    string? Owner,
    string? AccountRef,
    string? AccountId,
    DateTimeOffset ValidUntil,
    byte[] FullView,
    long? PartitionWrites)
{
    // A handful of masks per profile at most (one per role mix that reads it), so a copy-on-write
    // array is cheaper to search than a dictionary and costs one object per cached profile.
    private (ulong Mask, ScopedView View)[] _scoped = [];

    /// <summary>The rendering for <paramref name="mask"/>, scoped on first use.</summary>
    public ScopedView ScopedFor(ulong mask, Func<byte[], ulong, ScopedView> scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        while (true)
        {
            var current = Volatile.Read(ref _scoped);
            foreach (var (m, view) in current)
            {
                if (m == mask)
                {
                    return view;
                }
            }

            var added = scope(FullView, mask);
            if (Interlocked.CompareExchange(ref _scoped, [.. current, (mask, added)], current) == current)
            {
                return added;
            }
        }
    }

    /// <summary>The same rendering, confirmed current at a newer write count of the profile's partition.</summary>
    public CachedProfile WithPartitionWrites(long? writes) => this with { PartitionWrites = writes };
}
