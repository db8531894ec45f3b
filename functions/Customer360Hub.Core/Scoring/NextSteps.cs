namespace Customer360Hub.Scoring;

/// <summary>The suggested next steps, chosen by what pulls the score down most.</summary>
public static class NextSteps
{
    /// <summary>The factor losing the most points (the biggest gap to its best), or null when all are at their best.</summary>
    public static FactorContribution? Weakest(HealthAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Factors.Where(f => !f.Missing && f.MaxPoints - f.Points >= 0.5).OrderByDescending(f => f.MaxPoints - f.Points).FirstOrDefault();
    }

    /// <summary>What to do about a weak factor.</summary>
    public static string For(FactorContribution? weakest) => weakest?.Factor switch
    {
        HealthFactors.Usage => "Book an adoption session with the customer's main users and find out why usage fell.",
        HealthFactors.Support => "Review the open tickets and escalations with the support lead and call the customer about them.",
        HealthFactors.Payment => "Have billing contact the customer about the overdue or failed payments before service is affected.",
        HealthFactors.Engagement => "Schedule a check-in call with the customer's champion; nobody has been in touch lately.",
        HealthFactors.Contract => "Review the contract with the customer: ended subscriptions and the coming renewal need attention.",
        HealthFactors.Sentiment => "Follow up on the low ratings: ask the unhappy contacts what went wrong.",
        _ => "Call the customer to check in.",
    };

    public const string DataCheck = "Check that record in its source system: if it is wrong, correct it there and the score recovers; if it is right, the health drop alert follows.";

    public const string NoEngagement = "Reach out: schedule a check-in or business review with the customer's champion.";

    public const string UsageNearLimit = "Offer the next plan or more capacity before the customer hits the limit.";
}
