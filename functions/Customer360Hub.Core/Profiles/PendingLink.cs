namespace Customer360Hub.Profiles;

/// <summary>A transaction whose customer is not known yet (container <c>pending</c>, partition = customer reference).</summary>
public sealed record PendingLink(string RecordKey, string CustomerRef, DateTimeOffset Since);
