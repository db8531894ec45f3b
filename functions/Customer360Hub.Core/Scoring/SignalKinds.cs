namespace Customer360Hub.Scoring;

/// <summary>The kinds of <see cref="HealthSignal"/>.</summary>
public static class SignalKinds
{
    /// <summary>Health fell by the drop threshold or more within the drop window.</summary>
    public const string HealthDrop = "healthDrop";

    /// <summary>A drop that hinges on a single record: check that record before acting on the drop.</summary>
    public const string DataCheck = "dataCheck";

    /// <summary>Churn probability at or above the threshold on a customer with ARR.</summary>
    public const string ChurnRisk = "churnRisk";

    /// <summary>A renewal within the window while health is yellow or red.</summary>
    public const string RenewalAtRisk = "renewalAtRisk";

    /// <summary>A paying customer without engagement for the configured days.</summary>
    public const string NoEngagement = "noEngagement";

    /// <summary>Usage close to what the plan allows.</summary>
    public const string UsageNearLimit = "usageNearLimit";

    /// <summary>A product similar customers hold and this one does not (co-occurrence).</summary>
    public const string Expansion = "expansion";

    public static IReadOnlyList<string> All { get; } = [HealthDrop, DataCheck, ChurnRisk, RenewalAtRisk, NoEngagement, UsageNearLimit, Expansion];
}
