using Customer360Hub.Accounts;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Timeline;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Accounts;

/// <summary>B2B and B2C views: an account with its contacts and hierarchy, a household with its members.</summary>
public sealed class AccountHandlers(AccountReader accounts, TimeProvider time)
{
    public async Task<IResult> GetAccountAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(id))
        {
            return Problems.BadRequest("The account id is malformed.", "Account ids are profile ids: 'p-' followed by 20 hexadecimal digits.");
        }

        var snapshot = await accounts.GetAccountAsync(id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No account '{id}'.");
        }

        var account = snapshot.Account;
        var organization = account.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value == "organization";
        if (!organization && snapshot.Contacts.Count == 0 && snapshot.Children.Count == 0)
        {
            return Problems.NotFound($"Profile '{id}' is a person, not an account; read it at /api/v1/profiles/{id}.");
        }

        var view = new AccountView(
            account.Id,
            NameOf(account),
            AccountTypes.Of(account, snapshot.Aggregates),
            account.Fields.ToDictionary(f => ApiNames.Field(f.Key), f => f.Value.Value, StringComparer.Ordinal),
            snapshot.Parent is { } parent ? new AccountRefView(parent.Id, NameOf(parent), AccountTypes.Of(parent, null)) : null,
            snapshot.Children.Select(c => new AccountRefView(c.Id, NameOf(c), AccountTypes.Of(c, null))).ToList(),
            snapshot.Contacts.Select(c => new ContactView(
                c.Profile.Id,
                NameOf(c.Profile),
                c.Profile.ContactPoints.Emails.FirstOrDefault()?.Value,
                c.Profile.ContactPoints.Phones.FirstOrDefault()?.Value,
                c.Roles)).ToList(),
            AggregateSummary.Of(snapshot.Aggregates, time.GetUtcNow()));
        return Results.Json(view, ApiJsonContext.Default.AccountView);
    }

    public async Task<IResult> GetHouseholdAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128 || id.Any(char.IsControl))
        {
            return Problems.BadRequest("The household id is malformed.", "Pass the householdId of a profile.");
        }

        var snapshot = await accounts.GetHouseholdAsync(id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No household '{id}'.");
        }

        var view = new HouseholdView(
            snapshot.HouseholdId,
            AccountTypes.Household,
            snapshot.Members.Select(m => m.Profile.ContactPoints.Addresses.FirstOrDefault()?.Value).OfType<string>().GroupBy(a => a, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(),
            snapshot.Members.Select(m => new HouseholdMemberView(m.Profile.Id, NameOf(m.Profile), m.Profile.ContactPoints.Emails.FirstOrDefault()?.Value, m.Since)).ToList());
        return Results.Json(view, ApiJsonContext.Default.HouseholdView);
    }

    private static string? NameOf(GoldenProfile profile) =>
        (profile.Fields.GetValueOrDefault(CanonicalFields.CompanyName) ?? profile.Fields.GetValueOrDefault(CanonicalFields.FullName))?.Value;
}
