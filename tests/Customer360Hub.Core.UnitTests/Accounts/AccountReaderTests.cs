using Customer360Hub.Accounts;
using Customer360Hub.Core.UnitTests.Support;

namespace Customer360Hub.Core.UnitTests.Accounts;

public sealed class AccountReaderTests : IAsyncLifetime
{
    private readonly TestHub _hub = TestHub.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task ContactIdsAsync_AccountWithContactsAndAChild_SameContactsAsTheAccountView()
    {
        await _hub.ResolveAsync(
            TestHub.Party("crm", "account", "A1", 1, new Dictionary<string, string> { ["party_type"] = "organization", ["company_name"] = "Acme" }),
            TestHub.Party("crm", "account", "A2", 1, new Dictionary<string, string> { ["party_type"] = "organization", ["company_name"] = "Acme East", ["parent_account_ref"] = "crm/account/A1" }),
            TestHub.Party("crm", "contact", "C1", 1, new Dictionary<string, string> { ["full_name"] = "Zoe Contact", ["email"] = "zoe@example.com", ["account_ref"] = "crm/account/A1" }),
            TestHub.Party("crm", "contact", "C2", 1, new Dictionary<string, string> { ["full_name"] = "Ann Contact", ["email"] = "ann@example.com", ["account_ref"] = "crm/account/A1" }));
        var reader = _hub.Get<AccountReader>();
        var account = await _hub.ProfileOfAsync("crm/account/A1");

        var ids = await reader.ContactIdsAsync(account);

        var view = (await reader.GetAccountAsync(account.Id))!;
        Assert.Equal(2, ids.Count);
        Assert.Equal(view.Contacts.Select(c => c.Profile.Id).Order(StringComparer.Ordinal), ids);
        Assert.DoesNotContain((await _hub.ProfileOfAsync("crm/account/A2")).Id, ids);
    }
}
