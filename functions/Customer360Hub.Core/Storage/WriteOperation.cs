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

    /// <summary>
    /// Writes nothing: fails when the document is not at the ETag given (or, without one, exists).
    /// Lets a batch commit only if what it read is still true, without making other readers of
    /// that document retry. A store that cannot check without writing replaces the document with
    /// the write's body under the same condition instead: as safe, only more contended.
    /// </summary>
    Check,
}
