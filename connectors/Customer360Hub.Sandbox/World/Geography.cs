namespace Customer360Hub.Sandbox.World;

/// <summary>Countries, cities and streets of the world, with how each country writes addresses and phones.</summary>
internal static class Geography
{
    public static readonly Country Us = new(
        "US", "United States", ["USA", "United States", "U.S.", "United States of America"], "1",
        [
            new("Chicago", "IL", "Illinois", "606", "312"), new("Seattle", "WA", "Washington", "981", "206"),
            new("Austin", "TX", "Texas", "787", "512"), new("Denver", "CO", "Colorado", "802", "303"),
            new("Boston", "MA", "Massachusetts", "021", "617"), new("Portland", "OR", "Oregon", "972", "503"),
            new("Atlanta", "GA", "Georgia", "303", "404"), new("Phoenix", "AZ", "Arizona", "850", "602"),
            new("San Francisco", "CA", "California", "941", "415"), new("New York", "NY", "New York", "100", "212"),
            new("Minneapolis", "MN", "Minnesota", "554", "612"), new("Nashville", "TN", "Tennessee", "372", "615"),
            new("Columbus", "OH", "Ohio", "432", "614"), new("Raleigh", "NC", "North Carolina", "276", "919"),
            new("Madison", "WI", "Wisconsin", "537", "608"), new("Salt Lake City", "UT", "Utah", "841", "801"),
        ],
        ["Main", "Oak", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Pine", "Walnut", "Sunset", "Lincoln", "Jackson", "Highland", "Madison", "Franklin", "River", "Church", "Spring"],
        [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Lane", "Ln."), ("Boulevard", "Blvd."), ("Court", "Ct."), ("Place", "Pl.")]);

    public static readonly Country Gb = new(
        "GB", "United Kingdom", ["UK", "United Kingdom", "Great Britain", "England"], "44",
        [
            new("London", null, null, "SW1", "20"), new("Manchester", null, null, "M1", "161"), new("Leeds", null, null, "LS1", "113"),
            new("Bristol", null, null, "BS1", "117"), new("Edinburgh", null, null, "EH1", "131"), new("Birmingham", null, null, "B1", "121"),
            new("Glasgow", null, null, "G1", "141"), new("Cambridge", null, null, "CB1", "1223"),
        ],
        ["High", "Station", "Church", "Victoria", "Green", "Manor", "Park", "Queen", "King", "Mill", "Kings", "London", "Albert", "York"],
        [("Street", "St"), ("Road", "Rd"), ("Lane", "Ln"), ("Avenue", "Ave"), ("Close", "Cl"), ("Gardens", "Gdns")]);

    public static readonly Country De = new(
        "DE", "Germany", ["Deutschland", "Germany", "DEU", "D"], "49",
        [
            new("Berlin", "BE", "Berlin", "10", "30"), new("München", "BY", "Bayern", "80", "89"), new("Hamburg", "HH", "Hamburg", "20", "40"),
            new("Köln", "NW", "Nordrhein-Westfalen", "50", "221"), new("Frankfurt am Main", "HE", "Hessen", "60", "69"),
            new("Stuttgart", "BW", "Baden-Württemberg", "70", "711"), new("Leipzig", "SN", "Sachsen", "04", "341"),
        ],
        ["Haupt", "Bahnhof", "Garten", "Schiller", "Goethe", "Berg", "Linden", "Kirch", "Schul", "Ring", "Wald", "Rosen"],
        [("straße", "str."), ("weg", "weg"), ("allee", "allee"), ("platz", "pl.")]);

    public static readonly Country Nl = new(
        "NL", "Netherlands", ["Nederland", "Netherlands", "The Netherlands", "Holland", "NLD"], "31",
        [
            new("Amsterdam", "NH", "Noord-Holland", "10", "20"), new("Rotterdam", "ZH", "Zuid-Holland", "30", "10"),
            new("Utrecht", "UT", "Utrecht", "35", "30"), new("Den Haag", "ZH", "Zuid-Holland", "25", "70"),
            new("Eindhoven", "NB", "Noord-Brabant", "56", "40"), new("Groningen", "GR", "Groningen", "97", "50"),
        ],
        ["Kerk", "Molen", "Dorps", "Stations", "School", "Beuk", "Eiken", "Linde", "Heren", "Prinsen", "Keizers", "Water"],
        [("straat", "str."), ("weg", "weg"), ("laan", "ln."), ("gracht", "gr."), ("plein", "pl.")]);

    public static readonly Country Ca = new(
        "CA", "Canada", ["Canada", "CAN", "CA"], "1",
        [
            new("Toronto", "ON", "Ontario", "M5V", "416"), new("Vancouver", "BC", "British Columbia", "V6B", "604"),
            new("Montreal", "QC", "Quebec", "H2X", "514"), new("Calgary", "AB", "Alberta", "T2P", "403"),
            new("Ottawa", "ON", "Ontario", "K1P", "613"),
        ],
        ["King", "Queen", "Yonge", "Bloor", "Main", "Maple", "Dundas", "Front", "Bay", "Elgin"],
        [("Street", "St."), ("Avenue", "Ave."), ("Road", "Rd."), ("Drive", "Dr."), ("Crescent", "Cres.")]);

    /// <summary>Where customers live, weighted by repetition.</summary>
    public static readonly Country[] Weighted = [Us, Us, Us, Us, Us, Us, Us, Us, Us, Us, Us, Gb, Gb, Gb, De, De, Nl, Nl, Ca, Ca];

    public static Country ByCode(string code) => code switch
    {
        "GB" => Gb,
        "DE" => De,
        "NL" => Nl,
        "CA" => Ca,
        _ => Us,
    };

    public static string[] FamilyNamesOf(Country country) => country.Code switch
    {
        "GB" => NamePools.FamilyGb,
        "DE" => NamePools.FamilyDe,
        "NL" => NamePools.FamilyNl,
        _ => NamePools.FamilyUs,
    };

    public static string[] PersonalDomainsOf(Country country) => country.Code switch
    {
        "GB" => NamePools.PersonalDomainsGb,
        "DE" => NamePools.PersonalDomainsDe,
        "NL" => NamePools.PersonalDomainsNl,
        _ => NamePools.PersonalDomainsUs,
    };

    public static string[] CompanySuffixesOf(Country country) => country.Code switch
    {
        "GB" => NamePools.CompanySuffixesGb,
        "DE" => NamePools.CompanySuffixesDe,
        "NL" => NamePools.CompanySuffixesNl,
        _ => NamePools.CompanySuffixesUs,
    };

    public static string TopLevelDomainOf(Country country) => country.Code switch
    {
        "GB" => "co.uk",
        "DE" => "de",
        "NL" => "nl",
        "CA" => "ca",
        _ => "com",
    };

    /// <summary>A new address in <paramref name="city"/>.</summary>
    public static Address NewAddress(ref WorldRandom random, Country country, City city)
    {
        var street = random.Pick(country.Streets);
        var type = random.Next(country.StreetTypes.Length);
        var number = random.Next(1, random.Chance(0.7) ? 200 : 9000);
        var apartment = random.Chance(0.25) ? random.Next(1, 30).ToString(System.Globalization.CultureInfo.InvariantCulture) + (random.Chance(0.4) ? random.Pick(["A", "B", "C"]) : string.Empty) : null;
        var (full, abbreviated) = country.StreetTypes[type];
        return new Address(number, street, full, abbreviated, apartment, city.Name, Postcode(ref random, country, city), city.RegionCode, city.RegionName, country.Code);
    }

    private static string Postcode(ref WorldRandom random, Country country, City city) => country.Code switch
    {
        "US" => city.PostcodePrefix + random.Digits(2),
        "GB" => city.PostcodePrefix + " " + random.Next(1, 10) + (char)('A' + random.Next(26)) + (char)('A' + random.Next(26)),
        "DE" => city.PostcodePrefix + random.Digits(3),
        "NL" => city.PostcodePrefix + random.Digits(2) + " " + (char)('A' + random.Next(26)) + (char)('A' + random.Next(26)),
        "CA" => city.PostcodePrefix + " " + random.Next(10) + (char)('A' + random.Next(26)) + random.Next(10),
        _ => random.Digits(5),
    };

    /// <summary>A phone number in E.164 for the city (or a mobile number when <paramref name="mobile"/>).</summary>
    public static string NewPhone(ref WorldRandom random, Country country, City city, bool mobile) => country.Code switch
    {
        "US" or "CA" => "+1" + city.AreaCode + random.Next(2, 10) + random.Digits(6),
        "GB" => mobile ? "+447700" + random.Digits(6) : "+44" + city.AreaCode + random.Next(2, 9) + random.Digits(10 - city.AreaCode.Length - 1),
        "DE" => mobile ? "+4915" + random.Next(1, 8) + random.Digits(8) : "+49" + city.AreaCode + random.Next(2, 10) + random.Digits(10 - city.AreaCode.Length - 1),
        "NL" => mobile ? "+316" + random.Digits(8) : "+31" + city.AreaCode + random.Next(2, 9) + random.Digits(9 - city.AreaCode.Length - 1),
        _ => "+1" + random.Digits(10),
    };
}

/// <summary>A country and its address conventions.</summary>
internal sealed record Country(
    string Code,
    string Name,
    string[] NameVariants,
    string CallingCode,
    City[] Cities,
    string[] Streets,
    (string Full, string Short)[] StreetTypes);

/// <summary>A city with its region, postcode prefix and phone area code.</summary>
internal sealed record City(string Name, string? RegionCode, string? RegionName, string PostcodePrefix, string AreaCode);
