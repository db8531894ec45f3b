using Customer360Hub.Api.Security;
using static Customer360Hub.Api.Scoping.FieldGroups;

namespace Customer360Hub.Api.Scoping;

/// <summary>The built-in policy, applied before configuration so that configuration can add to it or override it.</summary>
internal static class DefaultScopingPolicy
{
    public static void Apply(ScopingOptions options)
    {
        Group(options, Core, "Ids, timestamps, sources, the engine that built the profile, the owner");
        Group(options, Identity, "Names, company, roles at an account");
        Group(options, Contact, "Email addresses, phones, postal addresses");
        Group(options, Consent, "Consent per channel and contact preferences");
        Group(options, Personal, "Date of birth, national id");
        Group(options, Orders, "Orders and subscriptions, recurring revenue, products held, renewals");
        Group(options, Invoices, "Invoices");
        Group(options, Receivables, "Open and overdue receivables");
        Group(options, Payments, "Payments, payment details, lifetime value");
        Group(options, FieldGroups.Pipeline, "Opportunities and pipeline");
        Group(options, Activities, "Interactions, meetings, marketing touches");
        Group(options, Support, "Tickets and satisfaction");
        Group(options, Usage, "Product usage");
        Group(options, Health, "Health score and signals");
        Group(options, RepNotes, "Notes written by account reps");
        Group(options, Commission, "Commission-like fields", ownerOrManagerOnly: true);
        Group(options, FieldGroups.Quality, "Data quality and completeness");
        Group(options, Evidence, "Identity resolution evidence (why records belong together)");
        Group(options, Lineage, "Where each golden value came from, why it won, and the values that lost");

        Role(options, Roles.Sales, Core, Identity, Contact, Consent, Orders, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes, Commission);
        Role(options, Roles.Support, Core, Identity, Contact, Consent, Orders, Support, Activities, Usage, Health, RepNotes);
        Role(options, Roles.Finance, Core, Identity, Contact, Orders, Invoices, Receivables, Payments, Health);
        Role(options, Roles.Success, Core, Identity, Contact, Consent, Orders, Invoices, Receivables, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes);
        Role(options, Roles.Steward, Core, Identity, Contact, Consent, Personal, FieldGroups.Quality, Evidence, Lineage);
        Role(options, Roles.Privacy, Core, Identity, Contact, Consent, Personal, Orders, Invoices, Receivables, Payments, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes, FieldGroups.Quality, Evidence, Lineage);
        Role(options, Roles.Admin, Core, Identity, Contact, Consent, Personal, Orders, Invoices, Receivables, Payments, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes, Commission, FieldGroups.Quality, Evidence, Lineage);

        // Golden fields by camelCase name; the lineage of a field (profile.lineage.<field>) follows
        // the field's group, and an account's fields follow the profile's (FieldScopePolicy).
        const string P = ScopeRoots.Profile;
        const string F = P + ".fields";
        Fields(options, Core, $"{P}.id", $"{P}.createdAt", $"{P}.updatedAt", $"{P}.asOf", $"{P}.partyType", $"{P}.accountType", $"{P}.accountId", $"{P}.householdId",
            $"{P}.sources", $"{P}.members", $"{P}.freshness", $"{P}.engine",
            $"{F}.owner", $"{F}.partyType", $"{F}.accountType", $"{F}.accountRef", $"{F}.parentAccountRef");
        Fields(options, Identity, $"{F}.givenName", $"{F}.familyName", $"{F}.fullName", $"{F}.companyName", $"{F}.contactRole");
        Fields(options, Contact, $"{P}.emails", $"{P}.contactPoints", $"{F}.email", $"{F}.phone", $"{F}.addressLine1", $"{F}.addressLine2",
            $"{F}.city", $"{F}.postcode", $"{F}.region", $"{F}.country");
        Fields(options, Consent, $"{P}.consent", $"{F}.preferredLanguage", $"{F}.preferredChannel");
        Fields(options, Personal, $"{F}.dateOfBirth", $"{F}.nationalId");
        Fields(options, RepNotes, $"{F}.repNotes");
        Fields(options, Commission, $"{F}.commissionRate", $"{F}.commissionAmount");
        Fields(options, Payments, $"{F}.paymentMethod");
        Fields(options, Health, $"{P}.score");
        Fields(options, FieldGroups.Quality, $"{P}.completeness");

        // Lineage narrows: only below a classified field (its source, rule, observation time and the
        // values that lost), so the lineage of an unclassified field is never sent.
        Fields(options, Lineage, $"{P}.lineage.*.*", $"{P}.consent.*.alternatives");

        const string A = P + ".aggregates";
        Fields(options, Payments, $"{A}.lifetimeValue");
        Fields(options, Orders, $"{A}.mrr", $"{A}.arr", $"{A}.productsHeld", $"{A}.renewals", $"{A}.nextRenewalOn");
        Fields(options, Receivables, $"{A}.openReceivables", $"{A}.overdueReceivables", $"{A}.openInvoices", $"{A}.overdueInvoices", $"{A}.maxDaysPastDue");
        Fields(options, FieldGroups.Pipeline, $"{A}.openOpportunities", $"{A}.pipeline");
        Fields(options, Support, $"{A}.openTickets", $"{A}.csat", $"{A}.csatResponses");
        Fields(options, Activities, $"{A}.lastInteractionAt");
        Fields(options, Usage, $"{A}.usage");

        // Timeline items by kind; the profile's counts of each kind follow the same groups.
        foreach (var (kind, group) in KindGroups)
        {
            Fields(options, group, $"{ScopeRoots.TimelineItem}.{kind}", $"{P}.transactionCounts.{kind}", $"{A}.transactionCounts.{kind}");
        }

        const string Account = ScopeRoots.Account;
        Fields(options, Identity, $"{Account}.name", $"{Account}.contacts.name", $"{Account}.contacts.roles", $"{Account}.parent.name", $"{Account}.children.name");
        Fields(options, Core, $"{Account}.contacts.profileId", $"{Account}.parent.id", $"{Account}.parent.accountType", $"{Account}.children.id", $"{Account}.children.accountType");
        Fields(options, Contact, $"{Account}.contacts.email", $"{Account}.contacts.phone");

        const string H = ScopeRoots.Household;
        Fields(options, Core, $"{H}.id", $"{H}.accountType", $"{H}.members.profileId", $"{H}.members.since");
        Fields(options, Identity, $"{H}.members.name");
        Fields(options, Contact, $"{H}.address", $"{H}.members.email");

        const string Q = ScopeRoots.QualityReport;
        Fields(options, FieldGroups.Quality, $"{Q}.generatedAt", $"{Q}.profiles", $"{Q}.averageCompleteness", $"{Q}.fieldFillRates", $"{Q}.sources", $"{Q}.quarantine");

        // An explanation's compared values are left out by the handler for fields the caller may not
        // see; what remains is identity evidence.
        const string X = ScopeRoots.Explanation;
        Fields(options, Core, $"{X}.profileId", $"{X}.householdId", $"{X}.members", $"{X}.model");
        Fields(options, Evidence, $"{X}.links", $"{X}.possibleMatches", $"{X}.households", $"{X}.stewardDecisions");

        const string E = ScopeRoots.Erasure;
        Fields(options, Core, $"{E}.erasureId", $"{E}.erasedAt", $"{E}.profileIds", $"{E}.partyRecords", $"{E}.transactions", $"{E}.documents",
            $"{E}.archivePages", $"{E}.busMessages", $"{E}.suppressedIdentifiers");
    }

    private static readonly (string Kind, string Group)[] KindGroups =
    [
        ("order", Orders), ("subscription", Orders), ("invoice", Invoices), ("payment", Payments), ("refund", Payments),
        ("ticket", Support), ("marketingEvent", Activities), ("interaction", Activities), ("opportunity", FieldGroups.Pipeline),
        ("usage", Usage), ("note", RepNotes),
    ];

    private static void Group(ScopingOptions options, string name, string description, bool ownerOrManagerOnly = false) =>
        options.Groups[name] = new FieldGroupOptions { Description = description, OwnerOrManagerOnly = ownerOrManagerOnly };

    private static void Role(ScopingOptions options, string role, params string[] groups) => options.Roles[role] = string.Join(',', groups);

    private static void Fields(ScopingOptions options, string group, params string[] paths)
    {
        foreach (var path in paths)
        {
            options.Fields[path] = group;
        }
    }
}
