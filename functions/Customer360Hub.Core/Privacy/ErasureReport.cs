namespace Customer360Hub.Privacy;

/// <summary>What an erasure removed. Holds no identifier of the person, only counts and pseudonymous profile ids.</summary>
public sealed record ErasureReport(
    string ErasureId,
    DateTimeOffset ErasedAt,
    IReadOnlyList<string> ProfileIds,
    int PartyRecords,
    int Transactions,
    int Documents,
    int ArchivePages,
    int BusMessages,
    int SuppressedIdentifiers);
