using Customer360Hub.Normalization;

namespace Customer360Hub.Matching;

/// <summary>Compares two records field by field into a <see cref="PairComparison"/> (levels named in <see cref="MatchField"/>).</summary>
public static class PairComparer
{
    private static readonly int Given = MatchField.GivenName.Index;
    private static readonly int Family = MatchField.FamilyName.Index;
    private static readonly int Birth = MatchField.BirthDate.Index;
    private static readonly int National = MatchField.NationalId.Index;
    private static readonly int Mail = MatchField.Email.Index;
    private static readonly int Tel = MatchField.Phone.Index;
    private static readonly int Street = MatchField.Address.Index;
    private static readonly int Town = MatchField.City.Index;
    private static readonly int Post = MatchField.Postcode.Index;
    private static readonly int State = MatchField.Region.Index;
    private static readonly int Org = MatchField.Company.Index;

    public static PairComparison Compare(MatchFeatures a, MatchFeatures b) => Compare(a, b, new PairComparison(MatchField.All.Count));

    /// <summary>Compares into <paramref name="c"/>, overwriting what it held (scoring reuses one per thread).</summary>
    internal static PairComparison Compare(MatchFeatures a, MatchFeatures b, PairComparison c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        c.Reset();
        CompareNames(a.Name, b.Name, c);
        Set(c, Birth, CompareBirth(a, b), a.BirthDateText, b.BirthDateText);
        Set(c, National, CompareCode(a.NationalId, b.NationalId), a.NationalId, b.NationalId);
        Set(c, Mail, CompareEmail(a.Email, b.Email), a.Email?.MatchKey, b.Email?.MatchKey);
        if (a.Phone is not null && b.Phone is not null)
        {
            Set(c, Tel, ComparePhone(a.Phone, b.Phone), a.Phone, b.Phone);
        }
        else if (a.PhoneDigits is not null && b.PhoneDigits is not null)
        {
            // At least one number without its country: the subscriber digits agree or not.
            Set(c, Tel, a.PhoneDigits == b.PhoneDigits ? 1 : 2, a.Phone ?? a.PhoneDigits, b.Phone ?? b.PhoneDigits);
        }
        Set(c, Street, CompareAddress(a.Address, b.Address), a.Address.Line, b.Address.Line);
        Set(c, Town, CompareText(a.City, b.City, 0.9), a.City, b.City);
        Set(c, Post, CompareCode(a.Address.Postcode, b.Address.Postcode), a.Address.Postcode, b.Address.Postcode);
        Set(c, State, a.Region is null || b.Region is null ? -1 : a.Region == b.Region ? 0 : 1, a.Region, b.Region);
        CompareCompany(a, b, c);

        c.DifferentPartyTypes = a.IsOrganization != b.IsOrganization;
        c.IsOrganizationPair = a.IsOrganization && b.IsOrganization;
        var bothPeople = !a.IsOrganization && !b.IsOrganization;
        var generationConflict = a.Name.Generation is not null && b.Name.Generation is not null && a.Name.Generation != b.Name.Generation;
        c.GenerationOneSided = bothPeople && (a.Name.Generation is null) != (b.Name.Generation is null);
        // An agreeing national id outweighs a differing name or year: it belongs to one person. A
        // different family name alone is not a conflict when the date of birth or a personal
        // mailbox agrees (people change family names); without them it is another person.
        var familyConflict = c.Levels[Family] == 3 && c.Levels[Birth] != 0 && c.Levels[Mail] != 0;
        c.PersonConflict = bothPeople && c.Levels[National] != 0
            && (c.Levels[Given] == 4 || familyConflict || c.Levels[Birth] == 4 || c.Levels[National] == 2 || generationConflict);
        c.NamesOnly = true;
        for (var i = 0; i < c.Levels.Length; i++)
        {
            c.NamesOnly &= i == Given || i == Family || c.Levels[i] is not (0 or 1);
        }

        return c;
    }

    /// <summary>
    /// Two people whose own records say they are different people, whatever else they share:
    /// different generations written on both (Jr and Sr), or a generation written on one and
    /// dates of birth a generation apart with no national id vouching for them being one (a
    /// parent and a child of the same name). No chain of links may put them in one profile. A
    /// date of birth without that can be mistyped beyond recognition, so it is no veto on its own.
    /// </summary>
    public static bool DifferentPeople(MatchFeatures a, MatchFeatures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.IsOrganization || b.IsOrganization)
        {
            return false;
        }

        var (first, second) = (a.Name.Generation, b.Name.Generation);
        return first is not null && second is not null
            ? first != second
            : (first is not null || second is not null) && CompareBirth(a, b) == 4 && CompareCode(a.NationalId, b.NationalId) is not (0 or 1);
    }

    private static void CompareNames(PersonName a, PersonName b, PairComparison c)
    {
        var given = CompareGiven(a.Given, b.Given);
        var family = CompareFamily(a.Family, b.Family);
        var crossGiven = CompareGiven(a.Given, b.Family);
        var crossFamily = CompareFamily(a.Family, b.Given);
        var straight = Strength(given, 5) + Strength(family, 4);
        var crossed = Strength(crossGiven, 5) + Strength(crossFamily, 4);
        if (crossed > straight && (crossGiven == 0 || crossFamily == 0))
        {
            c.NamesSwapped = true;
            Set(c, Given, crossGiven, a.Given, b.Family);
            Set(c, Family, crossFamily, a.Family, b.Given);
            return;
        }

        Set(c, Given, given, a.Given, b.Given);
        Set(c, Family, family, a.Family, b.Family);
    }

    // Agreement strength of a level for choosing between straight and crossed names: missing is neutral.
    private static int Strength(int level, int levels) => level < 0 ? 0 : (levels - 1 - level) * 2 - (level == levels - 1 ? 3 : 0);

    private static int CompareGiven(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        if (a == b)
        {
            return 0;
        }

        if (Nicknames.AreEquivalent(a, b))
        {
            return 1;
        }

        var similarity = StringSimilarity.JaroWinkler(a, b);
        if (similarity >= 0.92)
        {
            return 2;
        }

        var initial = (a.Length == 1 || b.Length == 1) && a[0] == b[0];
        return similarity >= 0.8 || initial ? 3 : 4;
    }

    private static int CompareFamily(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        if (a == b)
        {
            return 0;
        }

        var similarity = StringSimilarity.JaroWinkler(a, b);
        var compound = Math.Min(a.Length, b.Length) >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal));
        return similarity >= 0.92 || compound ? 1 : similarity >= 0.8 ? 2 : 3;
    }

    private static int CompareBirth(MatchFeatures a, MatchFeatures b)
    {
        if (a.BirthDate is not { } x || b.BirthDate is not { } y)
        {
            return -1;
        }

        if (x == y)
        {
            return 0;
        }

        var swapped = x.Year == y.Year && x.Month == y.Day && x.Day == y.Month;
        if (swapped || StringSimilarity.DamerauLevenshtein(a.BirthDateText!, b.BirthDateText!, 1) <= 1)
        {
            return 1;
        }

        // Fifteen years or more is a generation: a parent and a child, not a slip of the pen.
        return x.Year == y.Year ? 2 : Math.Abs(x.Year - y.Year) < 15 ? 3 : 4;
    }

    private static int CompareCode(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        return a == b ? 0 : StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1 ? 1 : 2;
    }

    private static int CompareEmail(NormalizedEmail? a, NormalizedEmail? b)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        if (a.MatchKey == b.MatchKey)
        {
            return 0;
        }

        // A slip in either half of one address. The same user name at another domain is not
        // one: jane.smith@ is a different mailbox, and often a different person, at every company.
        // Nor are names told apart by a number (john.smith@, john.smith2@): that is how a mail
        // system gives namesakes their own mailboxes.
        // A role mailbox (an organisation's info@) is one address or another: its name is the same everywhere.
        var personal = !a.IsRoleAccount && !b.IsRoleAccount;
        var localTypo = personal && a.Domain == b.Domain && StringSimilarity.DamerauLevenshtein(a.LocalPart, b.LocalPart, 1) <= 1 && !DifferOnlyInDigits(a.LocalPart, b.LocalPart);
        var domainTypo = personal && a.LocalPart == b.LocalPart && StringSimilarity.DamerauLevenshtein(a.Domain, b.Domain, 2) <= 2;
        return localTypo || domainTypo ? 1 : 2;
    }

    private static bool DifferOnlyInDigits(string a, string b)
    {
        static string Letters(string s) => string.Concat(s.Where(c => !char.IsAsciiDigit(c)));
        return Letters(a) == Letters(b);
    }

    private static int ComparePhone(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        if (a == b)
        {
            return 0;
        }

        var sameSubscriber = a.Length >= 8 && b.Length >= 8 && a.AsSpan(a.Length - 8).SequenceEqual(b.AsSpan(b.Length - 8));
        return sameSubscriber || StringSimilarity.DamerauLevenshtein(a, b, 1) <= 1 ? 1 : 2;
    }

    private static int CompareAddress(NormalizedAddress a, NormalizedAddress b)
    {
        var lineA = a.Line;
        var lineB = b.Line;
        if (lineA is null || lineB is null)
        {
            return -1;
        }

        if (lineA == lineB)
        {
            return 0;
        }

        var differentUnits = a.Unit is not null && b.Unit is not null && a.Unit != b.Unit;
        var streetSimilarity = a.Street is null || b.Street is null ? 0 : StringSimilarity.JaroWinkler(a.Street, b.Street);
        if (!differentUnits && (StringSimilarity.JaroWinkler(lineA, lineB) >= 0.92 || (a.Number is not null && a.Number == b.Number && streetSimilarity >= 0.85)))
        {
            return 1;
        }

        return streetSimilarity >= 0.9 ? 2 : 3;
    }

    private static int CompareText(string? a, string? b, double similar)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        return a == b ? 0 : StringSimilarity.JaroWinkler(a, b) >= similar ? 1 : 2;
    }

    private static void CompareCompany(MatchFeatures a, MatchFeatures b, PairComparison c)
    {
        if (a.Company is not null && b.Company is not null)
        {
            // Two organisations' own email domains that differ say two organisations, whatever the names.
            var differentDomains = a.EmailDomain is not null && b.EmailDomain is not null && a.EmailDomain != b.EmailDomain;
            var level = differentDomains ? 3
                : a.Company == b.Company ? 0
                : StringSimilarity.JaroWinkler(a.Company, b.Company) >= 0.9 || ContainsWords(a.Company, b.Company) ? 1
                : a.EmailDomain is not null && a.EmailDomain == b.EmailDomain ? 2
                : 3;
            Set(c, Org, level, a.Company, b.Company);
            return;
        }

        if (a.EmailDomain is not null && a.EmailDomain == b.EmailDomain)
        {
            Set(c, Org, 2, a.EmailDomain, b.EmailDomain);
        }
    }

    private static bool ContainsWords(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 4 && (" " + longer + " ").Contains(" " + shorter + " ", StringComparison.Ordinal);
    }

    private static void Set(PairComparison c, int field, int level, string? value, string? other)
    {
        c.Levels[field] = level;
        if (level >= 0)
        {
            c.Values[field] = value;
            c.OtherValues[field] = other;
        }
    }
}
