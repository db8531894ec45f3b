namespace Customer360Hub.Normalization;

/// <summary>
/// A person's name, folded for matching. <see cref="Given"/> is the first given name,
/// <see cref="Family"/> the family name without spaces ("van der Berg" becomes "vanderberg"),
/// <see cref="Generation"/> a generational suffix ("jr", "sr", "ii", ...) that tells apart a parent
/// and a child of the same name. Any part may be null.
/// </summary>
public sealed record PersonName(string? Given, string? Middle, string? Family, string? Generation)
{
    public static PersonName Empty { get; } = new(null, null, null, null);

    public bool IsEmpty => Given is null && Family is null;

    /// <summary>The name as one line, for explanations.</summary>
    public override string ToString() => string.Join(' ', new[] { Given, Middle, Family, Generation }.Where(p => p is not null));
}
