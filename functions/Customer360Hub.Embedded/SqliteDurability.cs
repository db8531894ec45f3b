namespace Customer360Hub.Embedded;

public enum SqliteDurability
{
    /// <summary>WAL with synchronous=NORMAL: committed data survives a crash of the process.</summary>
    Normal,

    /// <summary>WAL with synchronous=FULL: committed data also survives an OS crash or power loss.</summary>
    Full,
}
