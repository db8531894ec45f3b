using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Sqlite;

/// <summary>Turns SQLite's error codes into messages an operator can act on.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;

    /// <summary>An operator-facing exception for operational failures; null for anything else (rethrown as is).</summary>
    public static Exception? Explain(SqliteException error, string path) => error.SqliteErrorCode switch
    {
        Busy or Locked => new DataFolderUnavailableException(
            $"The store file '{path}' is locked by another process. Stop the other c360 process or point this one at another data folder.", error),
        Full => new DataFolderUnavailableException(
            $"The disk holding '{path}' is full. Nothing was written by the failed operation; free space and retry.", error),
        ReadOnly or CannotOpen => new DataFolderUnavailableException(
            $"The store file '{path}' cannot be opened for writing. Check the folder exists and is writable.", error),
        IoError => new DataFolderUnavailableException($"Disk I/O error on '{path}': {error.Message}", error),
        Corrupt => new DataFolderUnavailableException($"The store file '{path}' is damaged: {error.Message}", error),
        _ => null,
    };
}
