using Customer360Hub.Sandbox.Export;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.UnitTests.Export;

public sealed class WorldExporterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "c360-export-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ExportAsync_World_WritesCanonicalCsvPerSourceAndTruthForEveryRecord()
    {
        var world = new SyntheticWorld(new WorldOptions { Customers = 800, Seed = 11 });

        var census = await WorldExporter.ExportAsync(world, _folder);

        var truth = ReadCsv(Path.Combine(_folder, "truth.csv"));
        Assert.Equal(WorldExporter.TruthColumns, truth.Header);
        var truthKeys = truth.Rows.ToDictionary(r => (r[0], r[1]), r => r[2]);
        var customers = ReadCsv(Path.Combine(_folder, "customers.csv")).Rows.Select(r => r[0]).ToHashSet();
        Assert.Equal(800, customers.Count);
        foreach (var source in SourceNames.PartySources)
        {
            var file = ReadCsv(Path.Combine(_folder, source + ".csv"));
            Assert.Equal(["record_id", "given_name", "family_name", "full_name", "company_name", "email", "phone", "address_line1", "address_line2", "city", "postcode", "region", "country", "date_of_birth", "national_id"], file.Header.Take(15));
            Assert.Equal(census.Records[source], file.Rows.Count);
            Assert.All(file.Rows, row => Assert.Contains(truthKeys[(source, row[0])], customers));
        }

        Assert.Equal(census.Records.Values.Sum(), truth.Rows.Count);
        var expected = world.Parties(world.Unit(3), SourceNames.HubSpot).Select(v => (v.Source, v.Key, v.CustomerId));
        Assert.All(expected, e => Assert.Equal(e.CustomerId, truthKeys[(e.Source, e.Key)]));
        Assert.Contains("\"recordNoise\"", await File.ReadAllTextAsync(Path.Combine(_folder, "manifest.json")));
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = ParseCsv(File.ReadAllText(path));
        return (lines[0], lines.Skip(1).ToList());
    }

    /// <summary>RFC 4180 parsing, independent of the writer under test.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
