namespace Customer360Hub.Normalization;

/// <summary>
/// An email address prepared for matching. <see cref="Address"/> is the address as delivered
/// (trimmed, lower case); <see cref="MatchKey"/> folds the variants that reach the same
/// mailbox (sub-addressing "+tag", and dots in Gmail local parts, as Google documents).
/// <see cref="IsRoleAccount"/> marks shared mailboxes (info@, sales@) that say nothing about a person.
/// </summary>
public sealed record NormalizedEmail(string Address, string MatchKey, string LocalPart, string Domain, bool IsRoleAccount, bool IsFreeMail)
{
    /// <summary>The domain when it is an organisation's own (not a free mail provider): evidence of the employer.</summary>
    public string? OrganizationDomain => IsFreeMail ? null : Domain;
}
