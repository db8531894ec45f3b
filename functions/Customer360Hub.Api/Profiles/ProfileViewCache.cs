using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Customer360Hub.Api.Profiles;

/// <summary>Rendered profile views by profile id, bounded by <see cref="ApiCacheOptions.MaxBytes"/>.</summary>
internal sealed class ProfileViewCache : IDisposable
{
    private readonly MemoryCache? _cache;

    public ProfileViewCache(IOptions<ApiCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.MaxBytes > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MaxBytes, CompactionPercentage = 0.25 });
        }
    }

    public CachedProfile? Get(string profileId) => _cache?.Get<CachedProfile>(profileId);

    public void Set(string profileId, CachedProfile entry)
    {
        // Typically one or two scoped renderings (slightly smaller than the full view) come on top of it.
        _cache?.Set(profileId, entry, new MemoryCacheEntryOptions { Size = 512 + (entry.FullView.Length * 2L) });
    }

    public void Dispose() => _cache?.Dispose();
}
