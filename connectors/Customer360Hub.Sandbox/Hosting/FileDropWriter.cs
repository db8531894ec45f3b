using System.Text;
using Customer360Hub.Sandbox.Export;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.Hosting;

/// <summary>
/// Plays a legacy system that exports its members as CSV files into a folder: the whole history
/// once, then one file per tick with what changed. Files appear atomically (written, then renamed),
/// stamped with the world's time of the export, so the rows' modification time (the file's, as the
/// rows carry none) is the same in every run over the same world.
/// </summary>
internal sealed class FileDropWriter(SyntheticWorld world, SandboxFaults faults, string folder)
{
    private const string Entity = "members";

    public Task WriteHistoryAsync(CancellationToken cancellationToken) =>
        WriteAsync($"{Entity}-000000.csv", world.Records(SourceNames.FileDrop, Entity, null).Where(r => r.ModifiedAt < world.Options.Epoch), world.Options.Epoch, cancellationToken);

    public Task WriteTickAsync(CancellationToken cancellationToken)
    {
        var start = world.Options.Epoch + (world.Options.TickLength * (world.Tick - 1));
        var end = start + world.Options.TickLength;
        return WriteAsync($"{Entity}-{world.Tick:D6}.csv", world.Records(SourceNames.FileDrop, Entity, start).Where(r => r.ModifiedAt < end), end, cancellationToken);
    }

    private async Task WriteAsync(string name, IEnumerable<WorldRecord> records, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return;
        }

        var temporary = path + ".partial";
        await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            var csv = new CsvWriter(writer);
            csv.Row([.. WorldExporter.PartyColumns.Take(15)]);
            foreach (var record in records)
            {
                var v = record.Party!;
                // A malformed row has lost its record id, as rows of hand-edited exports do.
                csv.Row(faults.IsMalformed(record.Source + record.RecordId) ? string.Empty : v.RecordId, v.GivenName, v.FamilyName, v.FullName, v.CompanyName, v.Email, v.Phone, v.AddressLine1, v.AddressLine2, v.City, v.Postcode, v.Region, v.Country, v.DateOfBirth, v.NationalId);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        File.SetLastWriteTimeUtc(temporary, exportedAt.UtcDateTime);
        File.Move(temporary, path);
    }
}
