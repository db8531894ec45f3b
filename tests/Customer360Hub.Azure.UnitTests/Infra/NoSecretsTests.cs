using System.Text.RegularExpressions;
using Customer360Hub.Azure.UnitTests.Support;

namespace Customer360Hub.Azure.UnitTests.Infra;

/// <summary>
/// Nothing the hub ships (code, configuration, Bicep, workflows, docs) holds a key, a connection
/// string or a secret: every Azure client signs in with the managed identity, and secrets are
/// Key Vault references.
/// </summary>
public sealed partial class NoSecretsTests
{
    private static readonly string[] Shipped = ["functions", "connectors", "infra", ".github", "docs"];
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".git"];

    [Fact]
    public void ShippedFiles_ContainNoKeysConnectionStringsOrSecrets()
    {
        var findings = new List<string>();
        foreach (var file in ShippedFiles())
        {
            var text = File.ReadAllText(file);
            foreach (var (name, pattern) in Patterns)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    findings.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {name}: {match.Value[..Math.Min(40, match.Value.Length)]}");
                }
            }
        }

        Assert.Empty(findings);
    }

    [Fact]
    public void ShippedFiles_AreActuallyScanned()
    {
        var files = ShippedFiles().Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')).ToList();

        Assert.Contains("infra/main.bicep", files);
        Assert.Contains("host.json", files);
        Assert.Contains(files, f => f.StartsWith("functions/Customer360Hub.Azure/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith(".github/workflows/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AccountEndpoint=https://x.documents.azure.com/;AccountKey=abc")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=b")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x")]
    [InlineData("var keys = storage.listKeys().keys[0].value")]
    [InlineData("\"ClientSecret\": \"s3cr3t\"")]
    [InlineData("key: \"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==\"")]
    public void Patterns_RecogniseTypicalSecrets(string leak)
    {
        Assert.Contains(Patterns, p => p.Pattern.IsMatch(leak));
    }

    private static IEnumerable<(string Name, Regex Pattern)> Patterns { get; } =
    [
        ("account key", AccountKey()),
        ("shared access key", SharedAccessKey()),
        ("storage connection string", StorageConnectionString()),
        ("Service Bus connection string", ServiceBusConnectionString()),
        ("instrumentation key", InstrumentationKey()),
        ("listKeys in Bicep", ListKeys()),
        ("password or client secret", PasswordOrSecret()),
        ("base64 key", Base64Key()),
    ];

    private static IEnumerable<string> ShippedFiles()
    {
        var roots = Shipped.Select(folder => RepoPaths.Of(folder)).Where(Directory.Exists);
        var nested = roots.SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        var top = Directory.EnumerateFiles(RepoPaths.Root).Where(f => Path.GetExtension(f) is ".json" or ".yaml" or ".yml" or ".md" or ".props");
        return top.Concat(nested)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(segment => Skipped.Contains(segment)))
            // npm lock files hold package integrity hashes: base64, public, not secrets.
            .Where(f => Path.GetFileName(f) != "package-lock.json")
            .Where(f => Path.GetExtension(f) is ".cs" or ".json" or ".bicep" or ".bicepparam" or ".yaml" or ".yml" or ".md" or ".props" or ".csproj");
    }

    [GeneratedRegex(@"AccountKey\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"SharedAccessKey\s*=|SharedAccessSignature\s+sr=", RegexOptions.IgnoreCase)]
    private static partial Regex SharedAccessKey();

    [GeneratedRegex(@"DefaultEndpointsProtocol\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StorageConnectionString();

    [GeneratedRegex(@"Endpoint\s*=\s*sb://", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceBusConnectionString();

    [GeneratedRegex(@"InstrumentationKey\s*=\s*[0-9a-f]{8}-", RegexOptions.IgnoreCase)]
    private static partial Regex InstrumentationKey();

    [GeneratedRegex(@"\blist(Keys|ConnectionStrings|AccountSas|ServiceSas)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListKeys();

    [GeneratedRegex(@"""(password|client_?secret)""\s*:\s*""[^""]+""", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordOrSecret();

    [GeneratedRegex(@"[A-Za-z0-9+/]{40,}={1,2}")]
    private static partial Regex Base64Key();
}
