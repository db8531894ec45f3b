namespace Customer360Hub.Cli.Batch;

/// <summary>One input record: its source, its id in that source, and its canonical attributes.</summary>
internal sealed record PartyRow(string Source, string RecordId, Dictionary<string, string> Attributes);
