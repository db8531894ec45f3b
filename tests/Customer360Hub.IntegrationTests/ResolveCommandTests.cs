using System.CommandLine;
using Customer360Hub.Cli.Commands;

namespace Customer360Hub.IntegrationTests;

public sealed class ResolveCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-tests", Guid.NewGuid().ToString("N"));

    public ResolveCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Resolve_TwoMappedSources_WritesEveryRecordsProfileAndEvaluates()
    {
        var crm = File("crm.csv", """
            id, first, surname, email, phone, country
            1, Katherine, O'Brien, kate.obrien@example.org, +353 1 555 0199, IE
            2, Wei, Chen, wei.chen@example.org, ,
            3, John, Smith, info@acme-widgets.com, 000-000-0000, US
            """);
        var shop = File("shop.csv", """
            record_id,full_name,email,entity
            A,"O'Brien, Kate",KATE.OBRIEN@example.org,k
            B,Maria Lopez,info@acme-widgets.com,m
            """);
        var clusters = Path.Combine(_folder, "clusters.csv");

        var (exit, _, error) = await RunAsync(
            "resolve", "--source", "crm=" + crm, "--source", "shop=" + shop, "--out", clusters, "--explain", Path.Combine(_folder, "explain.jsonl"),
            "--map", "id=record_id", "--map", "first=given_name", "--map", "surname=family_name");

        Assert.True(exit == 0, error);
        var rows = (await System.IO.File.ReadAllLinesAsync(clusters)).Select(l => l.Split(',')).ToList();
        Assert.Equal(["source", "record_id", "profile_id"], rows[0]);
        var profileOf = rows.Skip(1).ToDictionary(r => r[0] + "/" + r[1], r => r[2]);
        Assert.Equal(["crm/1", "crm/2", "crm/3", "shop/A", "shop/B"], profileOf.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(profileOf["crm/1"], profileOf["shop/A"]);
        Assert.NotEqual(profileOf["crm/3"], profileOf["shop/B"]);
        Assert.Contains("\"decision\":\"link\"", await System.IO.File.ReadAllTextAsync(Path.Combine(_folder, "explain.jsonl")), StringComparison.Ordinal);

        var truth = File("truth.csv", "source,record_id,entity\ncrm,1,k\ncrm,2,w\ncrm,3,j\nshop,A,k\nshop,B,m\n");
        var (evaluated, output, _) = await RunAsync("evaluate", "--clusters", clusters, "--truth", truth, "--source-column", "source", "--entity-column", "entity");
        Assert.Equal(0, evaluated);
        Assert.Contains("precision 1.0000  recall 1.0000  F1 1.0000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_UnreadableInput_FailsWithTheFileAndReason()
    {
        var broken = File("broken.csv", "record_id,given_name\n1,\"never closed\n");

        var (missing, _, missingError) = await RunAsync("resolve", "--source", "x=" + Path.Combine(_folder, "none.csv"), "--out", Path.Combine(_folder, "o.csv"));
        var (malformed, _, malformedError) = await RunAsync("resolve", "--source", "x=" + broken, "--out", Path.Combine(_folder, "o.csv"));
        var (badMap, _, badMapError) = await RunAsync("resolve", "--source", "x=" + broken, "--out", Path.Combine(_folder, "o.csv"), "--map", "a=nickname");

        Assert.Equal((1, 1, 2), (missing, malformed, badMap));
        Assert.Contains("none.csv", missingError, StringComparison.Ordinal);
        Assert.Contains("never closed", malformedError, StringComparison.Ordinal);
        Assert.Contains("'nickname' is not a canonical party field", badMapError, StringComparison.Ordinal);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ResolveCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
