namespace Customer360Hub.Storage;

public enum WriteOperation
{
    /// <summary>Fails when the document exists.</summary>
    Create,

    /// <summary>Fails when the document does not exist or, with an ETag, has changed.</summary>
    Replace,

    /// <summary>Creates or replaces; with an ETag it behaves as a conditional replace.</summary>
    Upsert,

    /// <summary>Removes; missing documents are fine unless an ETag is given.</summary>
    Delete,
}
