namespace Customer360Hub.Api.Lookup;

/// <summary>The address of one lookup row.</summary>
public sealed record LookupRow(string Partition, string Id);
