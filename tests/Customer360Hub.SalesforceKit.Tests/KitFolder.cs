namespace Customer360Hub.SalesforceKit.Tests;

/// <summary>The Salesforce kit's folder in the repository.</summary>
internal static class KitFolder
{
    public static string Path { get; } = Find();

    public static string MetadataRoot => System.IO.Path.Combine(Path, "force-app", "main", "default");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Customer360Hub.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "connectors", "salesforce");
            }
        }

        throw new DirectoryNotFoundException("The repository root (Customer360Hub.sln) is not above the test binaries.");
    }
}
