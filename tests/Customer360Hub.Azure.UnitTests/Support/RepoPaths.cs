namespace Customer360Hub.Azure.UnitTests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Customer360Hub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Customer360Hub.sln) is not above the test output folder.");
    }
}
