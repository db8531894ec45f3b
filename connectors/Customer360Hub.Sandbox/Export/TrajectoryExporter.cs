using System.Globalization;
using System.Text;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.Export;

/// <summary>
/// Writes what judging health scores needs: the product usage of the world's scored customers as
/// a usage export (the file-drop connector's <c>usage</c> entity reads it), and the ground truth
/// of where each scored customer is heading.
/// </summary>
public static class TrajectoryExporter
{
    public static IReadOnlyList<string> UsageColumns { get; } = ["record_id", "customer_ref", "occurred_at", "quantity"];

    public static IReadOnlyList<string> TrajectoryColumns { get; } = ["customer_id", "unit", "unit_kind", "trajectory", "anchor"];

    /// <summary>Writes <c>usage.csv</c> into <paramref name="usageFolder"/> and <c>trajectories.csv</c> into <paramref name="truthFolder"/>; returns the usage records written.</summary>
    public static async Task<int> ExportAsync(SyntheticWorld world, string usageFolder, string truthFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        Directory.CreateDirectory(usageFolder);
        Directory.CreateDirectory(truthFolder);
        var written = 0;
        await using var usageFile = Open(Path.Combine(usageFolder, "usage.csv"));
        await using var truthFile = Open(Path.Combine(truthFolder, "trajectories.csv"));
        var usage = new CsvWriter(usageFile);
        var truth = new CsvWriter(truthFile);
        usage.Row([.. UsageColumns]);
        truth.Row([.. TrajectoryColumns]);
        foreach (var unit in world.Units())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trajectory = world.TrajectoryOf(unit.Index).ToString().ToLowerInvariant();
            foreach (var customer in world.ScoredCustomers(unit))
            {
                truth.Row(customer.Id, unit.Index.ToString(CultureInfo.InvariantCulture), unit.Kind.ToString().ToLowerInvariant(), trajectory, world.AnchorOf(unit, customer));
            }

            foreach (var record in world.Usage(unit))
            {
                usage.Row(record.RecordId, record.CustomerRef, record.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), record.Quantity.ToString(CultureInfo.InvariantCulture));
                written++;
            }
        }

        return written;
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), new UTF8Encoding(false), 1 << 16);
}
