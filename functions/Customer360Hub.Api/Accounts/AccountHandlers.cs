using System.Text.Json;
using Customer360Hub.Accounts;
using Customer360Hub.Api.Pipeline;
using Customer360Hub.Api.Profiles;
using Customer360Hub.Api.Scoping;
using Customer360Hub.Changes;
using Customer360Hub.Profiles;
using Customer360Hub.Resolution;
using Customer360Hub.Timeline;
using Microsoft.AspNetCore.Http;

namespace Customer360Hub.Api.Accounts;

/// <summary>
/// B2B and B2C views: an account with its contacts and hierarchy, a household with its members.
/// Scoped like profiles (an account's own fields exactly as its profile's) and audited with every
/// profile they show.
/// </summary>
public sealed class AccountHandlers(AccountReader accounts, FieldScopePolicy policy, TimeProvider time)
{
    private const int MaxHouseholdId = 128;

    public async Task<IResult> GetAccountAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Route("id");
        if (!ProfileIds.IsWellFormed(id))
        {
            throw ApiProblemException.BadRequest("The account id is malformed.", "Account ids are profile ids: 'p-' followed by 20 lower-case hexadecimal digits.");
        }

        var snapshot = await accounts.GetAccountAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No account '{id}'.");
        var account = snapshot.Account;
        if (account.Id != id)
        {
            return ProfileRenderer.Redirect(request, account.Id, "/accounts/");
        }

        var organization = account.Fields.GetValueOrDefault(CanonicalFields.PartyType)?.Value == "organization";
        if (!organization && snapshot.Contacts.Count == 0 && snapshot.Children.Count == 0)
        {
            throw ApiProblemException.NotFound($"Profile '{id}' is a person, not an account; read it at /api/v1/profiles/{id}.");
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
        var shown = new List<string> { account.Id };
        shown.AddRange(view.Contacts.Select(c => c.ProfileId));
        shown.AddRange(view.Children.Select(c => c.Id));
        if (view.Parent is not null)
        {
            shown.Add(view.Parent.Id);
        }

        var mask = policy.MaskFor(request.Caller, ProfileViews.OwnerOf(account, policy.OwnerField));
        return ScopedView.Of(policy, JsonSerializer.SerializeToUtf8Bytes(view, ApiJsonContext.Default.AccountView), ScopeRoots.Account, mask)
            .Respond(request, shown.Distinct(StringComparer.Ordinal).ToList());
    }

    public async Task<IResult> GetHouseholdAsync(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Route("id");
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxHouseholdId || id.Any(char.IsControl))
        {
            throw ApiProblemException.BadRequest("The household id is malformed.", $"Pass the householdId of a profile (at most {MaxHouseholdId} characters).");
        }

        var snapshot = await accounts.GetHouseholdAsync(id, request.Aborted).ConfigureAwait(false) ?? throw ApiProblemException.NotFound($"No household '{id}'.");
        var view = new HouseholdView(
            snapshot.HouseholdId,
            AccountTypes.Household,
            snapshot.Members.Select(m => m.Profile.ContactPoints.Addresses.FirstOrDefault()?.Value).OfType<string>()
                .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(),
            snapshot.Members.Select(m => new HouseholdMemberView(m.Profile.Id, NameOf(m.Profile), m.Profile.ContactPoints.Emails.FirstOrDefault()?.Value, m.Since)).ToList());

        // A household has no owner of its own: owner-only groups stay for managers.
        var mask = policy.MaskWithoutOwnership(request.Caller);
        return ScopedView.Of(policy, JsonSerializer.SerializeToUtf8Bytes(view, ApiJsonContext.Default.HouseholdView), ScopeRoots.Household, mask)
            .Respond(request, view.Members.Select(m => m.ProfileId).ToList());
    }

    private static string? NameOf(GoldenProfile profile) =>
        (profile.Fields.GetValueOrDefault(CanonicalFields.CompanyName) ?? profile.Fields.GetValueOrDefault(CanonicalFields.FullName))?.Value;
}
