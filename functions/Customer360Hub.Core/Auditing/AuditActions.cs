namespace Customer360Hub.Auditing;

/// <summary>Values of <see cref="AuditRecord.Action"/>.</summary>
public static class AuditActions
{
    /// <summary>Profile data was disclosed.</summary>
    public const string Read = "read";

    /// <summary>Profile data was changed (steward operations, erasure).</summary>
    public const string Change = "change";

    /// <summary>A known caller was refused (wrong role).</summary>
    public const string Denied = "denied";
}
