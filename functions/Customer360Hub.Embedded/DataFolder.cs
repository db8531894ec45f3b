namespace Customer360Hub.Embedded;

/// <summary>The folder that holds every piece of embedded state; created on first use.</summary>
public sealed class DataFolder
{
    public DataFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Root = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderUnavailableException($"The data folder '{Root}' cannot be created: {ex.Message}", ex);
        }
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);
}
