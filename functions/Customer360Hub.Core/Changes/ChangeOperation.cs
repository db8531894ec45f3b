namespace Customer360Hub.Changes;

/// <summary>What happened to the source record.</summary>
public enum ChangeOperation
{
    Upsert,
    Delete,
}
