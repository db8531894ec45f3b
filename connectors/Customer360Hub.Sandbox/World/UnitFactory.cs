using System.Globalization;
using System.Text;

namespace Customer360Hub.Sandbox.World;

/// <summary>Generates the true customers of one unit from the seed and the unit number.</summary>
internal static class UnitFactory
{
    private const ulong ShapeStream = 1;
    private const ulong HeadStream = 2;
    private const ulong UnitStream = 3;
    private const double NamesakeRate = 0.05;

    /// <summary>The kind and number of customers of a unit, cheap enough to size a million-customer world.</summary>
    public static (UnitKind Kind, int Size) Shape(int seed, int unit)
    {
        var random = WorldRandom.For(seed, ShapeStream, unit);
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            return (UnitKind.Consumer, 1);
        }

        if (roll < 0.80)
        {
            var members = random.NextDouble() switch { < 0.6 => 2, < 0.9 => 3, _ => 4 };
            return (UnitKind.Household, members);
        }

        // A company: its organisation and one to twelve contacts, most with a few.
        var contacts = 1 + (int)(Math.Pow(random.NextDouble(), 2.2) * 12);
        return (UnitKind.Company, 1 + contacts);
    }

    /// <summary>The unit, cut to <paramref name="maxSize"/> customers when the world ends inside it.</summary>
    public static WorldUnit Create(int seed, int unit, int maxSize)
    {
        var (kind, size) = Shape(seed, unit);
        size = Math.Min(size, maxSize);
        var random = WorldRandom.For(seed, UnitStream, unit);
        var head = Head(seed, unit);
        var customers = kind switch
        {
            UnitKind.Consumer => [Person(ref random, unit, 1, head, null, null, null, null, head.Female)],
            UnitKind.Household => Household(ref random, unit, size, head),
            _ => Company(ref random, unit, size, head, seed),
        };
        return new WorldUnit(unit, kind, customers);
    }

    private static List<TrueCustomer> Household(ref WorldRandom random, int unit, int size, HeadIdentity head)
    {
        var householdId = $"hh-{unit:D7}";
        var city = head.City;
        var home = Geography.NewAddress(ref random, head.Country, city);
        var landline = Geography.NewPhone(ref random, head.Country, city, mobile: false);
        var familyMailbox = random.Chance(0.2) ? $"the{Slug(head.Family)}s{unit}@{random.Pick(Geography.PersonalDomainsOf(head.Country))}" : null;
        var juniorSenior = !head.Female && size >= 2 && random.Chance(size == 2 ? 0.15 : 0.4);
        var shared = new Shared(home, landline, householdId, familyMailbox);
        var members = new List<TrueCustomer>(size);
        var headDob = BirthDate(ref random, juniorSenior ? 48 : 25, juniorSenior ? 80 : 70);
        members.Add(Person(ref random, unit, 1, head, shared, headDob, juniorSenior ? "Sr." : null, null, head.Female));
        for (var member = 2; member <= size; member++)
        {
            var isJunior = juniorSenior && member == (size == 2 ? 2 : 3);
            var isPartner = member == 2 && !isJunior;
            var female = isJunior ? false : isPartner ? !head.Female || random.Chance(0.08) : random.Chance(0.5);
            var family = isPartner && random.Chance(0.3) ? random.PickSkewed(Geography.FamilyNamesOf(head.Country)) : head.Family;
            var given = isJunior ? head.Given : PickGiven(ref random, female, head.Given);
            var dob = isJunior
                ? headDob.AddYears(random.Next(22, 34)).AddDays(random.Next(-150, 150))
                : isPartner ? headDob.AddDays(random.Next(-3000, 3000)) : headDob.AddYears(random.Next(20, 32)).AddDays(random.Next(0, 300));
            var identity = head with { Given = given, Family = family, Female = female };
            members.Add(Person(ref random, unit, member, identity, shared, dob, isJunior ? "Jr." : null, null, female));
        }

        // Family members are traps for each other: same address and landline, often the same surname.
        for (var i = 0; i < members.Count; i++)
        {
            var traps = members[i].Traps | TrapKinds.FamilyMember;
            traps |= juniorSenior && members[i].Suffix is not null ? TrapKinds.JuniorSenior : TrapKinds.None;
            traps |= members[i].SharedEmail is not null ? TrapKinds.SharedFamilyEmail : TrapKinds.None;
            members[i] = members[i] with { Traps = traps };
        }

        return members;
    }

    private static List<TrueCustomer> Company(ref WorldRandom random, int unit, int size, HeadIdentity head, int seed)
    {
        var country = head.Country;
        var city = head.City;
        var prefix = random.Pick(NamePools.CompanyPrefixes);
        var core = random.Pick(NamePools.CompanyCores);
        var shortName = prefix + " " + core;
        var legalName = shortName + " " + random.Pick(Geography.CompanySuffixesOf(country));
        var domain = Slug(prefix + core) + Base36(unit) + "." + Geography.TopLevelDomainOf(country);
        var office = Geography.NewAddress(ref random, country, city) with { Apartment = random.Chance(0.3) ? "Suite " + random.Next(100, 900) : null };
        var switchboard = Geography.NewPhone(ref random, country, city, mobile: false);
        var mailbox = random.Pick(NamePools.RoleMailboxes) + "@" + domain;
        var organization = new TrueCustomer
        {
            Id = TrueCustomer.IdOf(unit, 0),
            Type = CustomerType.Organization,
            Unit = unit,
            Member = 0,
            CompanyName = legalName,
            CompanyShortName = shortName,
            Domain = domain,
            SharedEmail = mailbox,
            WorkEmail = mailbox,
            WorkPhone = switchboard,
            Address = office,
            NationalId = country.Code == "US" ? $"{random.Next(10, 99)}-{random.Digits(7)}" : null,
        };
        var customers = new List<TrueCustomer>(size) { organization };
        var usedLocals = new HashSet<string>(StringComparer.Ordinal);
        for (var member = 1; member < size; member++)
        {
            var female = member == 1 ? head.Female : random.Chance(0.5);
            var identity = member == 1 ? head : new HeadIdentity(country, city, female, PickGiven(ref random, female, null), random.PickSkewed(Geography.FamilyNamesOf(country)), null);
            var local = random.Chance(0.8) ? $"{Slug(identity.Given)}.{Slug(identity.Family)}" : $"{Slug(identity.Given)[0]}{Slug(identity.Family)}";
            if (!usedLocals.Add(local))
            {
                local += member.ToString(CultureInfo.InvariantCulture);
                usedLocals.Add(local);
            }

            var work = new Work(organization, local + "@" + domain, random.Chance(0.5) ? switchboard : Geography.NewPhone(ref random, country, city, mobile: false), random.Pick(NamePools.JobTitles));
            var contact = Person(ref random, unit, member, identity, null, BirthDate(ref random, 22, 66), null, work, female);
            customers.Add(contact with { Traps = contact.Traps | (size > 2 ? TrapKinds.Coworker : TrapKinds.None) });
        }

        return customers;
    }

    private static TrueCustomer Person(ref WorldRandom random, int unit, int member, HeadIdentity identity, Shared? shared, DateOnly? dob, string? suffix, Work? work, bool female)
    {
        var country = identity.Country;
        var city = identity.City;
        var home = shared?.Home ?? Geography.NewAddress(ref random, country, city);
        var moved = random.Chance(0.12) ? Geography.NewAddress(ref random, country, random.Chance(0.6) ? city : random.Pick(country.Cities)) : null;
        var personalStyle = random.Next(5);
        var given = Slug(identity.Given);
        var family = Slug(identity.Family);
        var number = (unit * 16) + member;
        var local = personalStyle switch
        {
            0 => $"{given}.{family}{number}",
            1 => $"{given[0]}{family}{number}",
            2 => $"{given}{family}{number}",
            3 => $"{given}_{family}{number}",
            _ => $"{family}.{given}{number}",
        };
        var hasPersonal = work is null || random.Chance(0.55);
        var namesake = member == 1 ? identity.NamesakeOf : null;
        var traps = namesake is null ? TrapKinds.None : TrapKinds.Namesake;
        return new TrueCustomer
        {
            Id = TrueCustomer.IdOf(unit, member),
            Type = CustomerType.Person,
            Unit = unit,
            Member = member,
            GivenName = identity.Given,
            FamilyName = identity.Family,
            MiddleInitial = random.Chance(0.3) ? random.Pick(NamePools.MiddleInitials) : null,
            Suffix = suffix,
            Female = female,
            CompanyName = work?.Organization.CompanyName,
            CompanyShortName = work?.Organization.CompanyShortName,
            Domain = work?.Organization.Domain,
            JobTitle = work?.JobTitle,
            DateOfBirth = dob ?? BirthDate(ref random, 18, 85),
            NationalId = country.Code == "US" && random.Chance(0.7) ? $"9{random.Digits(2)}-{random.Next(70, 89)}-{random.Digits(4)}" : null,
            PersonalEmail = hasPersonal ? local + "@" + random.Pick(Geography.PersonalDomainsOf(country)) : null,
            WorkEmail = work?.Email,
            SharedEmail = shared?.FamilyMailbox is { } mailbox && member <= 2 ? mailbox : work?.Organization.SharedEmail,
            MobilePhone = shared is not null && random.Chance(0.15) ? null : Geography.NewPhone(ref random, country, city, mobile: true),
            HomePhone = shared?.Landline ?? (work is null && random.Chance(0.2) ? Geography.NewPhone(ref random, country, city, mobile: false) : null),
            WorkPhone = work?.Phone,
            Address = work?.Organization.Address ?? home,
            PreviousAddress = work is null ? moved : null,
            HouseholdId = shared?.HouseholdId,
            AccountId = work?.Organization.Id,
            NamesakeOf = namesake,
            Traps = traps,
        };
    }

    /// <summary>
    /// The first person of a unit. Drawn from its own stream so a later unit can copy it (a
    /// namesake) without generating the whole earlier unit.
    /// </summary>
    private static HeadIdentity Head(int seed, int unit, int depth = 0)
    {
        var random = WorldRandom.For(seed, HeadStream, unit);
        var country = random.Pick(Geography.Weighted);
        var city = random.PickSkewed(country.Cities);
        var female = random.Chance(0.5);
        var given = PickGiven(ref random, female, null);
        var family = random.PickSkewed(Geography.FamilyNamesOf(country));
        var own = new HeadIdentity(country, city, female, given, family, null);
        if (unit == 0 || depth >= 4 || !random.Chance(NamesakeRate))
        {
            return own;
        }

        var target = unit - 1 - random.Next(Math.Min(unit, 40));
        var other = Head(seed, target, depth + 1);
        var sameCity = random.Chance(0.5);
        return other with
        {
            Country = sameCity ? other.Country : country,
            City = sameCity ? other.City : city,
            NamesakeOf = TrueCustomer.IdOf(target, 1),
        };
    }

    private static string PickGiven(ref WorldRandom random, bool female, string? avoid)
    {
        var pool = female ? NamePools.FemaleGiven : NamePools.MaleGiven;
        var given = random.PickSkewed(pool);
        return given == avoid ? random.Pick(pool) : given;
    }

    private static DateOnly BirthDate(ref WorldRandom random, int minAge, int maxAge) =>
        new DateOnly(2026, 1, 1).AddYears(-random.Next(minAge, maxAge + 1)).AddDays(-random.Next(365));

    /// <summary>Lower case ASCII letters and digits only, as people turn names into mailbox names.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = Fold(c);
            foreach (var f in folded)
            {
                if (char.IsAsciiLetterOrDigit(f))
                {
                    builder.Append(char.ToLowerInvariant(f));
                }
            }
        }

        return builder.ToString();
    }

    private static string Fold(char c) => c switch
    {
        'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", 'Ä' => "Ae", 'Ö' => "Oe", 'Ü' => "Ue", 'é' or 'è' => "e",
        _ => c.ToString(),
    };

    private static string Base36(int value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var builder = new StringBuilder();
        do
        {
            builder.Insert(0, digits[value % 36]);
            value /= 36;
        }
        while (value > 0);
        return builder.ToString();
    }

    private sealed record HeadIdentity(Country Country, City City, bool Female, string Given, string Family, string? NamesakeOf);

    private sealed record Shared(Address Home, string Landline, string HouseholdId, string? FamilyMailbox);

    private sealed record Work(TrueCustomer Organization, string Email, string Phone, string JobTitle);
}
