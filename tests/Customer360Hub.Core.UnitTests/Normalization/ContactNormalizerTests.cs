using Customer360Hub.Normalization;

namespace Customer360Hub.Core.UnitTests.Normalization;

public sealed class ContactNormalizerTests
{
    [Theory]
    [InlineData(" Jane.Doe+news@Example.COM ", "jane.doe@example.com", "jane.doe+news@example.com")]
    [InlineData("J.A.N.E.doe+x@googlemail.com", "janedoe@gmail.com", "j.a.n.e.doe+x@googlemail.com")]
    [InlineData("mailto:<ops@acme.io>", "ops@acme.io", "ops@acme.io")]
    public void Email_Variants_ShareAMatchKey(string email, string matchKey, string address)
    {
        var normalized = EmailNormalizer.Normalize(email)!;
        Assert.Equal((matchKey, address), (normalized.MatchKey, normalized.Address));
    }

    [Theory]
    [InlineData("info@acme.com")]
    [InlineData("NoReply@acme.com")]
    [InlineData("sales@acme.com")]
    public void Email_RoleMailboxes_AreFlagged(string email)
    {
        Assert.True(EmailNormalizer.Normalize(email)!.IsRoleAccount);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("x@y")]
    [InlineData("aaaa@nomail.com")]
    [InlineData("")]
    public void Email_Unusable_IsNull(string email)
    {
        Assert.Null(EmailNormalizer.Normalize(email));
    }

    [Theory]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("+44 20 7946 0321", null, "+442079460321")]
    [InlineData("0049 30 1234567", "DE", "+49301234567")]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("02 9374 4000", "AU", "+61293744000")]
    public void Phone_ToE164_UsesTheDefaultRegion(string phone, string? region, string expected)
    {
        Assert.Equal(expected, PhoneNormalizer.ToE164(phone, region));
    }

    [Theory]
    [InlineData("000-000-0000")]
    [InlineData("123-456-7890")]
    [InlineData("(415) 555-0123")]
    [InlineData("9999999999")]
    [InlineData("n/a")]
    [InlineData("555 2671")]
    public void Phone_Placeholders_AreNull(string phone)
    {
        Assert.Null(PhoneNormalizer.ToE164(phone, "US"));
    }

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("usa", "US")]
    [InlineData("Deutschland", "DE")]
    [InlineData("gb", "GB")]
    [InlineData("Narnia", null)]
    public void Country_NamesAndCodes_BecomeIso2(string country, string? expected)
    {
        Assert.Equal(expected, Countries.ToIso2(country));
    }

    [Theory]
    [InlineData("12 Oak Street, Apt 4B", null, "12", "oak st", "4b")]
    [InlineData("12 oak st #4B", null, "12", "oak st", "4b")]
    [InlineData("4B/12 Oak St.", null, "12", "oak st", "4b")]
    [InlineData("1600 North Pennsylvania Avenue", "Suite 200", "1600", "n pennsylvania ave", "200")]
    public void Address_AbbreviationsAndUnits_AreNormalized(string line1, string? line2, string number, string street, string unit)
    {
        var address = AddressNormalizer.Normalize(line1, line2, " sw1a 1aa ");
        Assert.Equal((number, street, unit, "SW1A1AA"), (address.Number, address.Street, address.Unit, address.Postcode));
    }

    [Theory]
    [InlineData("The Acme Company, Inc.", "acme")]
    [InlineData("ACME Co", "acme")]
    [InlineData("Müller & Söhne GmbH", "muller and sohne")]
    [InlineData("Beacon Robotics Corp.", "beacon robotics")]
    [InlineData("S.A.", "sa")]
    [InlineData("n/a", null)]
    public void Company_LegalFormsAndPunctuation_AreRemoved(string name, string? expected)
    {
        Assert.Equal(expected, CompanyNormalizer.Normalize(name));
    }

    [Theory]
    [InlineData("1980-03-12", null, "1980-03-12")]
    [InlineData("19800312", null, "1980-03-12")]
    [InlineData("12/03/1980", "GB", "1980-03-12")]
    [InlineData("03/12/1980", "US", "1980-03-12")]
    [InlineData("25/12/1980", "US", "1980-12-25")]
    [InlineData("12.03.1980", "DE", "1980-03-12")]
    [InlineData("12 Mar 1980", null, "1980-03-12")]
    [InlineData("March 12th, 1980", null, "1980-03-12")]
    [InlineData("1980 3 12", null, "1980-03-12")]
    [InlineData("1980-03-12T00:00:00Z", null, "1980-03-12")]
    [InlineData("12/03/80", "GB", "1980-03-12")]
    public void BirthDate_Formats_AreRead(string text, string? country, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateOfBirthParser.Parse(text, country, new DateOnly(2026, 11, 1)));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("1970-01-01")]
    [InlineData("2031-01-01")]
    [InlineData("31/02/1980")]
    [InlineData("unknown")]
    public void BirthDate_PlaceholdersAndImpossibleDates_AreNull(string text)
    {
        Assert.Null(DateOfBirthParser.Parse(text, null, new DateOnly(2026, 11, 1)));
    }
}
