namespace Customer360Hub.Sandbox.World;

/// <summary>
/// A deterministic population of customers and the records each vendor system holds about them.
/// The same customer appears in several systems, so the hub has something to resolve.
/// </summary>
public sealed class SyntheticWorld
{
    private static readonly string[] GivenNames = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mateo", "Amelia", "Benjamin", "Harper", "Levi", "Evelyn", "Henry", "Abigail", "Sebastian"];
    private static readonly string[] FamilyNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin"];
    private static readonly string[] Cities = ["Chicago", "Seattle", "Austin", "Denver", "Boston", "Portland", "Atlanta", "Phoenix"];
    private static readonly string[] TicketSubjects = ["Cannot log in", "Invoice question", "Feature request", "Data export failing", "Billing address change"];

    public SyntheticWorld(WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var random = new Random(options.Seed);
        var people = new List<Person>(options.Customers);
        for (var n = 1; n <= options.Customers; n++)
        {
            var given = GivenNames[random.Next(GivenNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var email = $"{given}.{family}{n}@example.com".ToLowerInvariant();
            var phone = $"+1312555{n % 10000:D4}";
            people.Add(new Person(n, given, family, email, phone, Cities[random.Next(Cities.Length)], "US"));
        }

        People = people;
        ErpCustomers = people.Select(p => new SourceRow(
            DeterministicGuid(options.Seed, "bc", p.Number),
            p.Number,
            options.Epoch.AddSeconds(p.Number),
            new Dictionary<string, object?>
            {
                ["number"] = $"C{p.Number:D5}",
                ["displayName"] = $"{p.GivenName} {p.FamilyName}",
                ["type"] = "Person",
                ["email"] = p.Email.ToUpperInvariant(),
                ["phoneNumber"] = p.Phone,
                ["city"] = p.City,
                ["country"] = p.Country,
            })).ToList();
        SupportUsers = people.Where(p => p.Number % 3 != 0).Select(p => new SourceRow(
            (100000 + p.Number).ToString(System.Globalization.CultureInfo.InvariantCulture),
            p.Number,
            options.Epoch.AddSeconds(p.Number).AddMinutes(5),
            new Dictionary<string, object?>
            {
                ["name"] = $"{p.GivenName} {p.FamilyName}",
                ["email"] = p.Email,
                ["phone"] = p.Phone,
                ["role"] = "end-user",
                ["active"] = true,
            })).ToList();
        SupportTickets = SupportUsers.Where(u => u.PersonNumber % 2 == 0).Select(u => new SourceRow(
            (500000 + u.PersonNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
            u.PersonNumber,
            u.ModifiedAt.AddMinutes(30),
            new Dictionary<string, object?>
            {
                ["subject"] = TicketSubjects[u.PersonNumber % TicketSubjects.Length],
                ["status"] = "open",
                ["requester_id"] = long.Parse(u.Id, System.Globalization.CultureInfo.InvariantCulture),
                ["created_at"] = u.ModifiedAt.AddMinutes(30),
            })).ToList();
    }

    public WorldOptions Options { get; }

    public IReadOnlyList<Person> People { get; }

    /// <summary>Business Central customers.</summary>
    public IReadOnlyList<SourceRow> ErpCustomers { get; }

    /// <summary>Zendesk users (two in three customers have one).</summary>
    public IReadOnlyList<SourceRow> SupportUsers { get; }

    /// <summary>Zendesk tickets.</summary>
    public IReadOnlyList<SourceRow> SupportTickets { get; }

    private static string DeterministicGuid(int seed, string system, int number)
    {
        Span<byte> bytes = stackalloc byte[16];
        new Random(unchecked((seed * 31) + (number * 7919) + system.Aggregate(17, (h, c) => (h * 31) + c))).NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
