using System.Globalization;
using System.Text;
using System.Text.Json;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.Export;

/// <summary>
/// Writes a world as batch files: one CSV of party records per source system with the canonical
/// party columns, the ground truth (which true customer every record belongs to), the true
/// customers themselves, and a manifest with the census. Streams unit by unit.
/// </summary>
public static class WorldExporter
{
    /// <summary>The canonical party columns, then what the hub also reads from a batch file.</summary>
    public static IReadOnlyList<string> PartyColumns { get; } =
    [
        "record_id", "given_name", "family_name", "full_name", "company_name", "email", "phone",
        "address_line1", "address_line2", "city", "postcode", "region", "country", "date_of_birth", "national_id",
        "party_type", "account_ref", "job_title",
    ];

    public static IReadOnlyList<string> TruthColumns { get; } = ["source", "record_id", "customer_id", "customer_type", "noise", "traps"];

    public static IReadOnlyList<string> CustomerColumns { get; } =
    [
        "customer_id", "customer_type", "unit", "unit_kind", "household_id", "account_id", "namesake_of", "traps",
        "given_name", "middle_initial", "family_name", "suffix", "company_name", "date_of_birth", "national_id",
        "personal_email", "work_email", "shared_email", "mobile_phone", "home_phone", "work_phone",
        "address_line1", "apartment", "city", "postcode", "region", "country",
    ];

    /// <summary>Exports to <paramref name="directory"/>; <paramref name="progress"/> gets the units written so far.</summary>
    public static async Task<WorldCensus> ExportAsync(SyntheticWorld world, string directory, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        Directory.CreateDirectory(directory);
        var sources = SourceNames.PartySources;
        var writers = new Dictionary<string, StreamWriter>(StringComparer.Ordinal);
        var census = new WorldCensus();
        try
        {
            foreach (var source in sources)
            {
                writers[source] = Open(Path.Combine(directory, source + ".csv"));
            }

            writers["truth"] = Open(Path.Combine(directory, "truth.csv"));
            writers["customers"] = Open(Path.Combine(directory, "customers.csv"));
            var csv = writers.ToDictionary(w => w.Key, w => new CsvWriter(w.Value), StringComparer.Ordinal);
            foreach (var source in sources)
            {
                csv[source].Row([.. PartyColumns]);
            }

            csv["truth"].Row([.. TruthColumns]);
            csv["customers"].Row([.. CustomerColumns]);
            var written = 0;
            foreach (var unit in world.Units())
            {
                foreach (var customer in unit.Customers)
                {
                    WriteCustomer(csv["customers"], unit, customer);
                }

                var views = new List<PartyView>();
                foreach (var source in sources)
                {
                    foreach (var view in world.Parties(unit, source))
                    {
                        WriteParty(csv[source], view);
                        csv["truth"].Row(source, view.Key, view.CustomerId, Lower(view.PartyType), Flags(view.Noise), Flags(view.Traps));
                        views.Add(view);
                    }
                }

                census.Add(unit, views);

                if (++written % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(written);
                }
            }

            progress?.Report(written);
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "manifest.json"), Manifest(world, census), cancellationToken).ConfigureAwait(false);
        return census;
    }

    private static void WriteParty(CsvWriter csv, PartyView v)
    {
        var accountRef = v.AccountRecordId is null ? null : v.AccountEntityType + "/" + v.AccountRecordId;
        csv.Row(
            v.Key, v.GivenName, v.FamilyName, v.FullName, v.CompanyName, v.Email, v.Phone,
            v.AddressLine1, v.AddressLine2, v.City, v.Postcode, v.Region, v.Country, v.DateOfBirth, v.NationalId,
            Lower(v.PartyType), accountRef, v.JobTitle);
    }

    private static void WriteCustomer(CsvWriter csv, WorldUnit unit, TrueCustomer c)
    {
        var a = c.Address;
        csv.Row(
            c.Id, Lower(c.Type), unit.Index.ToString(CultureInfo.InvariantCulture), Lower(unit.Kind), c.HouseholdId, c.AccountId, c.NamesakeOf, Flags(c.Traps),
            c.GivenName, c.MiddleInitial, c.FamilyName, c.Suffix, c.CompanyName, c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.NationalId,
            c.PersonalEmail, c.WorkEmail, c.SharedEmail, c.MobilePhone, c.HomePhone, c.WorkPhone,
            a.Line1, a.Apartment, a.City, a.Postcode, a.RegionCode, a.CountryCode);
    }

    private static string Manifest(SyntheticWorld world, WorldCensus census)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("customers", world.Options.Customers);
            json.WriteNumber("seed", world.Options.Seed);
            json.WriteString("epoch", world.Options.Epoch);
            json.WriteNumber("units", world.UnitCount);
            json.WriteNumber("people", census.People);
            json.WriteNumber("organizations", census.Organizations);
            json.WriteNumber("customersInSeveralSources", census.CustomersInSeveralSources);
            json.WriteNumber("customersSharingAnEmailAcrossSources", census.CustomersSharingAnEmailAcrossSources);
            json.WriteNumber("customersWithoutRecords", census.CustomersWithoutRecords);
            WriteCounts(json, "unitKinds", census.Units.ToDictionary(k => Lower(k.Key), k => k.Value));
            WriteCounts(json, "records", census.Records);
            WriteCounts(json, "customerTraps", census.CustomerTraps.ToDictionary(k => Lower(k.Key), k => k.Value));
            WriteCounts(json, "recordTraps", census.RecordTraps.ToDictionary(k => Lower(k.Key), k => k.Value));
            WriteCounts(json, "recordNoise", census.RecordNoise.ToDictionary(k => Lower(k.Key), k => k.Value));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in counts)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), new UTF8Encoding(false), 1 << 16);

    private static string Lower<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Flag names joined by ';' in camelCase, empty for none.</summary>
    private static string Flags<T>(T flags)
        where T : struct, Enum
    {
        var value = Convert.ToInt64(flags, CultureInfo.InvariantCulture);
        if (value == 0)
        {
            return string.Empty;
        }

        var names = new List<string>();
        foreach (var flag in Enum.GetValues<T>())
        {
            var bit = Convert.ToInt64(flag, CultureInfo.InvariantCulture);
            if (bit != 0 && (value & bit) == bit)
            {
                names.Add(Lower(flag));
            }
        }

        return string.Join(';', names);
    }
}
