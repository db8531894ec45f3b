using System.ComponentModel.DataAnnotations;

namespace Customer360Hub.Api.Profiles;

/// <summary>Section <c>Api:Cache</c>: the in-memory cache of rendered, scoped profile views.</summary>
public sealed class ApiCacheOptions
{
    public const string SectionName = "Api:Cache";

    /// <summary>Approximate memory for cached views; 0 turns the cache off.</summary>
    [Range(0, long.MaxValue)]
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}
