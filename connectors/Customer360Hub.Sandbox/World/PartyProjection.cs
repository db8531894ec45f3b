using System.Globalization;

namespace Customer360Hub.Sandbox.World;

/// <summary>Produces the party records one system holds about the customers of one unit.</summary>
internal static class PartyProjection
{
    private const ulong PartyStream = 11;

    public static List<PartyView> Project(int seed, WorldUnit unit, SourceProfile profile)
    {
        var views = new List<PartyView>();
        var choose = WorldRandom.For(seed, PartyStream, unit.Index, (long)WorldRandom.StableHash(profile.Source));
        string? organizationRecord = null;
        foreach (var customer in unit.Customers)
        {
            if (customer.Type == CustomerType.Organization)
            {
                if (profile.OrganizationEntity is { } orgEntity && choose.Chance(profile.OrganizationRate))
                {
                    organizationRecord = AddWithDuplicates(ref choose, views, seed, unit, customer, profile, orgEntity, 0, null);
                }

                continue;
            }

            var isContact = customer.AccountId is not null;
            var entity = isContact ? profile.ContactEntity : profile.ConsumerEntity;
            var rate = isContact ? profile.ContactRate : customer.Member == 1 ? profile.HeadRate : profile.MemberRate;
            if (entity is not null && choose.Chance(rate))
            {
                AddWithDuplicates(ref choose, views, seed, unit, customer, profile, entity, 0, isContact ? organizationRecord : null);
            }

            if (isContact && profile.ProspectEntity is { } prospect && choose.Chance(profile.ProspectRate))
            {
                views.Add(Person(seed, unit, customer, profile, prospect, (customer.Member * 4) + 2, null, NoiseKinds.None));
            }
        }

        return views;
    }

    /// <summary>The record id a party of this unit gets in the system (used by transactions to point at their customer).</summary>
    public static string RecordIdOf(int seed, string source, string entityType, int unit, int slot) => (source, entityType) switch
    {
        (SourceNames.BusinessCentral, "customers") => "C" + RecordIds.Sequence(unit, slot).ToString("D6", CultureInfo.InvariantCulture),
        (SourceNames.BusinessCentral, _) => "CT" + RecordIds.Sequence(unit, slot).ToString("D6", CultureInfo.InvariantCulture),
        (SourceNames.Stripe, _) => RecordIds.Stripe("cus", seed, unit, slot),
        (SourceNames.Zendesk, "users") => RecordIds.Numeric(ZendeskUserOffset, unit, slot),
        (SourceNames.Zendesk, _) => RecordIds.Numeric(ZendeskOrganizationOffset, unit, slot),
        (SourceNames.HubSpot, "contacts") => RecordIds.Numeric(HubSpotContactOffset, unit, slot),
        (SourceNames.HubSpot, _) => RecordIds.Numeric(HubSpotCompanyOffset, unit, slot),
        (SourceNames.Salesforce, "Account") => RecordIds.Salesforce("001", unit, slot),
        (SourceNames.Salesforce, "Contact") => RecordIds.Salesforce("003", unit, slot),
        (SourceNames.Salesforce, _) => RecordIds.Salesforce("00Q", unit, slot),
        _ => "LYL" + RecordIds.Sequence(unit, slot).ToString("D8", CultureInfo.InvariantCulture),
    };

    public const long ZendeskUserOffset = 360_000_000_000;
    public const long ZendeskOrganizationOffset = 370_000_000_000;
    public const long HubSpotContactOffset = 101;
    public const long HubSpotCompanyOffset = 9_000_000_000;

    private static string AddWithDuplicates(ref WorldRandom choose, List<PartyView> views, int seed, WorldUnit unit, TrueCustomer customer, SourceProfile profile, string entity, int duplicate, string? accountRecord)
    {
        var slot = customer.Member * 4;
        var first = customer.Type == CustomerType.Organization
            ? Organization(seed, unit, customer, profile, entity, slot, NoiseKinds.None)
            : Person(seed, unit, customer, profile, entity, slot, accountRecord, NoiseKinds.None);
        views.Add(first);
        if (choose.Chance(profile.DuplicateRate))
        {
            views.Add(customer.Type == CustomerType.Organization
                ? Organization(seed, unit, customer, profile, entity, slot + 1, NoiseKinds.Duplicate)
                : Person(seed, unit, customer, profile, entity, slot + 1, accountRecord, NoiseKinds.Duplicate));
        }

        return first.RecordId;
    }

    /// <summary>
    /// The record after the customer changed something in the system (revision 1, 2, ...): drawn
    /// again with fresh noise, sometimes with a new phone number.
    /// </summary>
    public static PartyView Revise(int seed, WorldUnit unit, PartyView current, int revision)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(current);
        var customer = unit.Customers.First(c => c.Id == current.CustomerId);
        var profile = SourceProfile.Of(current.Source);
        var noise = current.Noise & NoiseKinds.Duplicate;
        var revised = customer.Type == CustomerType.Organization
            ? Organization(seed, unit, customer, profile, current.EntityType, current.Slot, noise, revision)
            : Person(seed, unit, customer, profile, current.EntityType, current.Slot, current.AccountRecordId, noise, revision);
        var random = WorldRandom.For(seed, PartyStream + 3, RecordIds.Sequence(unit.Index, current.Slot), revision);
        if (revised.Phone is not null && random.Chance(0.3))
        {
            var country = Geography.ByCode(customer.Address.CountryCode);
            revised = revised with { Phone = Geography.NewPhone(ref random, country, country.Cities[0], mobile: true), PhoneIsMobile = true };
        }

        return revised;
    }

    private static PartyView Person(int seed, WorldUnit unit, TrueCustomer customer, SourceProfile profile, string entity, int slot, string? accountRecord, NoiseKinds noise, int revision = 0)
    {
        var random = WorldRandom.For(seed, PartyStream + 1, RecordIds.Sequence(unit.Index, slot), (long)WorldRandom.StableHash(profile.Source + entity) + revision);
        var traps = customer.Traps & (TrapKinds.Namesake | TrapKinds.JuniorSenior);
        var given = Noise.GivenName(ref random, customer, ref noise);
        var family = Noise.FamilyName(ref random, customer, ref noise);
        var suffix = Noise.Suffix(ref random, customer, ref noise);
        Noise.NameTypo(ref random, ref given, ref family, profile.NameTypoRate, ref noise);
        string? givenName = null, familyName = null, fullName = null;
        if (profile.SplitNames)
        {
            givenName = Noise.Casing(ref random, given, ref noise);
            familyName = Noise.Casing(ref random, suffix is null ? family : family + " " + suffix, ref noise);
            fullName = profile.KeepsFullNameToo ? Noise.FullName(ref random, given, family, suffix, ref noise) : null;
        }
        else
        {
            fullName = Noise.FullName(ref random, given, family, suffix, ref noise);
        }

        var email = Noise.PersonEmail(ref random, customer, profile.EmailMissingRate, profile.PrefersPersonalEmail, ref noise, ref traps);
        var phone = Noise.Phone(ref random, customer, profile.PhoneRate, ref noise, ref traps, out var mobile);
        var view = new PartyView
        {
            Source = profile.Source,
            EntityType = entity,
            RecordId = RecordIdOf(seed, profile.Source, entity, unit.Index, slot),
            CustomerId = customer.Id,
            PartyType = CustomerType.Person,
            Unit = unit.Index,
            Slot = slot,
            AccountRecordId = accountRecord,
            AccountEntityType = accountRecord is null ? null : profile.OrganizationEntity,
            GivenName = givenName,
            FamilyName = familyName,
            FullName = fullName,
            CompanyName = customer.CompanyName is not null && random.Chance(0.8) ? Noise.CompanyName(ref random, unit.Organization!, ref noise) : null,
            Email = email,
            Phone = phone,
            PhoneIsMobile = mobile,
            JobTitle = customer.JobTitle is not null && random.Chance(0.6) ? customer.JobTitle : null,
        };

        if (random.Chance(profile.AddressRate))
        {
            var address = Noise.Address(ref random, customer, ref noise);
            var (line1, line2, city, postcode, region, country) = Noise.WriteAddress(ref random, address, ref noise);
            view = view with { AddressLine1 = line1, AddressLine2 = line2, City = city, Postcode = postcode, Region = region, Country = country };
            traps |= address == customer.Address && customer.HouseholdId is not null ? TrapKinds.FamilyMember : TrapKinds.None;
            traps |= customer.AccountId is not null && customer.Traps.HasFlag(TrapKinds.Coworker) ? TrapKinds.Coworker : TrapKinds.None;
        }
        else if (profile.AddressRate > 0)
        {
            noise |= NoiseKinds.MissingFields;
        }

        if (customer.DateOfBirth is { } dob && random.Chance(profile.BirthDateRate))
        {
            view = view with { DateOfBirth = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }

        if (customer.NationalId is { } nationalId && random.Chance(profile.NationalIdRate))
        {
            view = view with { NationalId = random.Chance(0.3) ? nationalId.Replace("-", string.Empty, StringComparison.Ordinal) : nationalId };
        }

        return view with { Noise = noise, Traps = traps };
    }

    private static PartyView Organization(int seed, WorldUnit unit, TrueCustomer organization, SourceProfile profile, string entity, int slot, NoiseKinds noise, int revision = 0)
    {
        var random = WorldRandom.For(seed, PartyStream + 2, RecordIds.Sequence(unit.Index, slot), (long)WorldRandom.StableHash(profile.Source + entity) + revision);
        var traps = TrapKinds.None;
        var name = Noise.CompanyName(ref random, organization, ref noise);
        string? email = null;
        if (profile.OrganizationEmail && random.Chance(0.85))
        {
            email = Noise.EmailVariant(ref random, organization.SharedEmail!, ref noise);
            traps |= TrapKinds.SharedRoleMailbox;
        }
        else if (profile.OrganizationEmail)
        {
            noise |= NoiseKinds.MissingFields;
        }

        var phone = profile.OrganizationPhone && random.Chance(profile.PhoneRate) ? Noise.PhoneFormat(ref random, organization.WorkPhone!, organization.Address.CountryCode, ref noise) : null;
        var view = new PartyView
        {
            Source = profile.Source,
            EntityType = entity,
            RecordId = RecordIdOf(seed, profile.Source, entity, unit.Index, slot),
            CustomerId = organization.Id,
            PartyType = CustomerType.Organization,
            Unit = unit.Index,
            Slot = slot,
            CompanyName = name,
            Email = email,
            Phone = phone,
            Domain = organization.Domain,
        };

        if (random.Chance(profile.AddressRate))
        {
            var (line1, line2, city, postcode, region, country) = Noise.WriteAddress(ref random, organization.Address, ref noise);
            view = view with { AddressLine1 = line1, AddressLine2 = line2, City = city, Postcode = postcode, Region = region, Country = country };
        }

        return view with { Noise = noise, Traps = traps };
    }
}
