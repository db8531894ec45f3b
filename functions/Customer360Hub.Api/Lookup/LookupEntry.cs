namespace Customer360Hub.Api.Lookup;

/// <summary>
/// A row of the lookup index (container <c>lookup</c>): partition = lookup key
/// (<c>email:</c>, <c>phone:</c>, <c>sourceid:</c>, <c>name:</c>, <c>company:</c>), pointing at a profile.
/// Name and company rows keep every token of the profile's name, to check multi-word queries.
/// </summary>
public sealed record LookupEntry(string ProfileId, IReadOnlyList<string>? Tokens = null);
