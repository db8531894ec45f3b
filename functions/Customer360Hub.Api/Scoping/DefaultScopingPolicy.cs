using Customer360Hub.Api.Security;
using static Customer360Hub.Api.Scoping.FieldGroups;

namespace Customer360Hub.Api.Scoping;

/// <summary>The built-in policy, applied before configuration so that configuration can add to it or override it.</summary>
internal static class DefaultScopingPolicy
{
    public static void Apply(ScopingOptions options)
    {
        Group(options, Core, "Ids, timestamps, sources, the engine that built the profile, the owner");
        Group(options, Identity, "Names and company");
        Group(options, Contact, "Email addresses, phones, postal addresses");
        Group(options, Personal, "Date of birth, national id");
        Group(options, Orders, "Orders and subscriptions");
        Group(options, Invoices, "Invoices");
        Group(options, Receivables, "Open and overdue receivables");
        Group(options, Payments, "Payments and payment details");
        Group(options, FieldGroups.Pipeline, "Opportunities and pipeline");
        Group(options, Activities, "Interactions, meetings, marketing touches");
        Group(options, Support, "Tickets and satisfaction");
        Group(options, Usage, "Product usage");
        Group(options, Health, "Health score and signals");
        Group(options, RepNotes, "Notes written by account reps");
        Group(options, Commission, "Commission-like fields", ownerOrManagerOnly: true);
        Group(options, Quality, "Data quality and completeness");
        Group(options, Evidence, "Identity resolution evidence (why records belong together)");

        Role(options, Roles.Sales, Core, Identity, Contact, Orders, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes, Commission);
        Role(options, Roles.Support, Core, Identity, Contact, Orders, Support, Activities, Usage, Health, RepNotes);
        Role(options, Roles.Finance, Core, Identity, Contact, Orders, Invoices, Receivables, Payments, Health);
        Role(options, Roles.Success, Core, Identity, Contact, Orders, Invoices, Receivables, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes);
        Role(options, Roles.Steward, Core, Identity, Contact, Personal, Quality, Evidence);
        Role(options, Roles.Privacy, Core, Identity, Contact, Personal, Orders, Invoices, Receivables, Payments, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes, Quality, Evidence);
        Role(options, Roles.Admin, Core, Identity, Contact, Personal, Orders, Invoices, Receivables, Payments, FieldGroups.Pipeline, Activities, Support, Usage, Health, RepNotes, Commission, Quality, Evidence);

        const string P = ScopeRoots.Profile;
        Fields(options, Core, $"{P}.id", $"{P}.createdAt", $"{P}.updatedAt", $"{P}.lastPulledAt", $"{P}.sources", $"{P}.members", $"{P}.engine", $"{P}.fields.owner");
        Fields(options, Identity, $"{P}.fields.givenName", $"{P}.fields.familyName", $"{P}.fields.fullName", $"{P}.fields.companyName");
        Fields(options, Contact, $"{P}.emails", $"{P}.fields.email", $"{P}.fields.phone", $"{P}.fields.addressLine1", $"{P}.fields.addressLine2",
            $"{P}.fields.city", $"{P}.fields.postcode", $"{P}.fields.region", $"{P}.fields.country");
        Fields(options, Personal, $"{P}.fields.dateOfBirth", $"{P}.fields.nationalId");
        Fields(options, RepNotes, $"{P}.fields.repNotes");
        Fields(options, Commission, $"{P}.fields.commissionRate", $"{P}.fields.commissionAmount");
        Fields(options, Payments, $"{P}.fields.paymentMethod");
        Fields(options, Health, $"{P}.score");

        // Timeline items by kind; the profile's counts of each kind follow the same groups.
        foreach (var (kind, group) in KindGroups)
        {
            Fields(options, group, $"{ScopeRoots.TimelineItem}.{kind}", $"{P}.transactionCounts.{kind}");
        }
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
