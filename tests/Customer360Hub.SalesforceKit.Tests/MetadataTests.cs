using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Customer360Hub.SalesforceKit.Tests;

/// <summary>
/// The kit's Salesforce metadata is well formed and consistent, as far as can be checked without an
/// org: XML in the Metadata API namespace, the right root per file type and folder, one API version,
/// and every cross-reference (credentials, permission set, Apex classes, LWC targets) resolving.
/// </summary>
public sealed partial class MetadataTests
{
    private static readonly XNamespace Md = "http://soap.sforce.com/2006/04/metadata";

    private static readonly Dictionary<string, (string Root, string Folder)> Types = new(StringComparer.Ordinal)
    {
        [".cls-meta.xml"] = ("ApexClass", "classes"),
        [".js-meta.xml"] = ("LightningComponentBundle", "lwc"),
        [".namedCredential-meta.xml"] = ("NamedCredential", "namedCredentials"),
        [".externalCredential-meta.xml"] = ("ExternalCredential", "externalCredentials"),
        [".permissionset-meta.xml"] = ("PermissionSet", "permissionsets"),
    };

    private static string ApiVersion
    {
        get
        {
            using var project = JsonDocument.Parse(File.ReadAllText(Path.Combine(KitFolder.Path, "sfdx-project.json")));
            var directories = project.RootElement.GetProperty("packageDirectories");
            Assert.All(directories.EnumerateArray(), d => Assert.True(Directory.Exists(Path.Combine(KitFolder.Path, d.GetProperty("path").GetString()!))));
            return project.RootElement.GetProperty("sourceApiVersion").GetString()!;
        }
    }

    [Fact]
    public void EveryMetadataFile_IsMetadataApiXmlOfAKnownTypeInItsFolder()
    {
        var files = Directory.GetFiles(KitFolder.MetadataRoot, "*-meta.xml", SearchOption.AllDirectories);
        Assert.True(files.Length >= 6, "the kit's metadata files are missing");
        foreach (var file in files)
        {
            var type = Types.FirstOrDefault(t => file.EndsWith(t.Key, StringComparison.Ordinal));
            Assert.True(type.Key is not null, $"{file}: not a metadata type this check knows; add it to {nameof(Types)}");
            var root = XDocument.Load(file).Root!;
            Assert.Equal(Md + type.Value.Root, root.Name);
            var relative = Path.GetRelativePath(KitFolder.MetadataRoot, file);
            Assert.Equal(type.Value.Folder, relative.Split(Path.DirectorySeparatorChar)[0]);
            if (root.Element(Md + "apiVersion") is { } version)
            {
                Assert.Equal(ApiVersion, version.Value);
            }
        }
    }

    [Fact]
    public void ApexClasses_HaveMetaFilesMatchingNamesAndBalancedBraces()
    {
        var classes = Directory.GetFiles(Path.Combine(KitFolder.MetadataRoot, "classes"), "*.cls");
        Assert.NotEmpty(classes);
        foreach (var file in classes)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var meta = XDocument.Load(file + "-meta.xml").Root!;
            Assert.Equal("Active", meta.Element(Md + "status")?.Value);
            var source = File.ReadAllText(file);
            Assert.Matches(ClassDeclaration(name), source);
            var code = StringsAndComments().Replace(source, string.Empty);
            Assert.Equal(code.Count(c => c == '{'), code.Count(c => c == '}'));
            Assert.Equal(code.Count(c => c == '('), code.Count(c => c == ')'));
        }

        Assert.All(Directory.GetFiles(Path.Combine(KitFolder.MetadataRoot, "classes"), "*.cls-meta.xml"), meta => Assert.True(File.Exists(meta[..^"-meta.xml".Length])));
        Assert.Contains(classes, c => File.ReadAllText(c).Contains("implements HttpCalloutMock", StringComparison.Ordinal) && File.ReadAllText(c).Contains("@IsTest", StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_NamedCredentialUsesTheClientCredentialsExternalCredential()
    {
        var external = XDocument.Load(Path.Combine(KitFolder.MetadataRoot, "externalCredentials", "Customer360Hub.externalCredential-meta.xml")).Root!;
        var parameters = external.Elements(Md + "externalCredentialParameters").ToList();
        Assert.Equal("Oauth", external.Element(Md + "authenticationProtocol")?.Value);
        Assert.Contains(parameters, p => p.Element(Md + "parameterType")?.Value == "AuthProtocolVariant" && p.Element(Md + "parameterValue")?.Value == "ClientCredentialsClientSecret");
        Assert.Contains(parameters, p => p.Element(Md + "parameterType")?.Value == "AuthProviderUrl" && p.Element(Md + "parameterValue")!.Value.StartsWith("https://login.microsoftonline.com/", StringComparison.Ordinal));
        var principal = Assert.Single(parameters, p => p.Element(Md + "parameterType")?.Value == "NamedPrincipal").Element(Md + "parameterName")!.Value;

        var named = XDocument.Load(Path.Combine(KitFolder.MetadataRoot, "namedCredentials", "Customer360Hub.namedCredential-meta.xml")).Root!;
        Assert.Equal("SecuredEndpoint", named.Element(Md + "namedCredentialType")?.Value);
        Assert.Equal("true", named.Element(Md + "generateAuthorizationHeader")?.Value);
        var reference = named.Elements(Md + "namedCredentialParameters").Single(p => p.Element(Md + "parameterType")?.Value == "Authentication").Element(Md + "externalCredential")!.Value;
        Assert.True(File.Exists(Path.Combine(KitFolder.MetadataRoot, "externalCredentials", reference + ".externalCredential-meta.xml")));
        Assert.Contains("callout:Customer360Hub/", File.ReadAllText(Path.Combine(KitFolder.MetadataRoot, "classes", "Customer360Service.cls")), StringComparison.Ordinal);

        var permissions = XDocument.Load(Path.Combine(KitFolder.MetadataRoot, "permissionsets", "Customer360Hub_User.permissionset-meta.xml")).Root!;
        Assert.Equal($"{reference}-{principal}", permissions.Element(Md + "externalCredentialPrincipalAccesses")!.Element(Md + "externalCredentialPrincipal")!.Value);
        Assert.All(permissions.Elements(Md + "classAccesses"), a => Assert.True(File.Exists(Path.Combine(KitFolder.MetadataRoot, "classes", a.Element(Md + "apexClass")!.Value + ".cls"))));
    }

    [Fact]
    public void LightningComponents_AreCompleteBundlesExposedOnAccountAndContactPages()
    {
        var bundles = Directory.GetDirectories(Path.Combine(KitFolder.MetadataRoot, "lwc"));
        Assert.Contains(bundles, b => Path.GetFileName(b) == "customer360Card");
        foreach (var bundle in bundles)
        {
            var name = Path.GetFileName(bundle);
            Assert.Matches("^[a-z][A-Za-z0-9]*$", name);
            Assert.True(File.Exists(Path.Combine(bundle, name + ".js")), name + ".js");
            Assert.True(File.Exists(Path.Combine(bundle, name + ".html")), name + ".html");
            var meta = XDocument.Load(Path.Combine(bundle, name + ".js-meta.xml")).Root!;
            Assert.Equal("true", meta.Element(Md + "isExposed")?.Value);
            Assert.Contains("lightning__RecordPage", meta.Element(Md + "targets")!.Elements(Md + "target").Select(t => t.Value));
            var objects = meta.Descendants(Md + "object").Select(o => o.Value).ToList();
            Assert.Contains("Account", objects);
            Assert.Contains("Contact", objects);
            var template = File.ReadAllText(Path.Combine(bundle, name + ".html")).Trim();
            Assert.StartsWith("<template>", template, StringComparison.Ordinal);
            Assert.EndsWith("</template>", template, StringComparison.Ordinal);
            Assert.Equal(TemplateOpen().Count(template), TemplateClose().Count(template));
            Assert.True(Directory.GetFiles(Path.Combine(bundle, "__tests__"), "*.test.js").Length > 0, name + " has no Jest tests");
        }
    }

    [GeneratedRegex(@"'(?:\\.|[^'\\])*'|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex StringsAndComments();

    [GeneratedRegex("<template[ >]")]
    private static partial Regex TemplateOpen();

    [GeneratedRegex("</template>")]
    private static partial Regex TemplateClose();

    private static Regex ClassDeclaration(string name) => new($@"\bclass\s+{Regex.Escape(name)}\b");
}
