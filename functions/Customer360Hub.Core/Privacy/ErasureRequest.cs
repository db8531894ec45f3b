namespace Customer360Hub.Privacy;

/// <summary>Who to erase: any of a profile id, an email address, a phone number or a source record key.</summary>
public sealed record ErasureRequest(string? ProfileId = null, string? Email = null, string? Phone = null, string? RecordKey = null);
