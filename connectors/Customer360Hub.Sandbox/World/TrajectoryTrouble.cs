namespace Customer360Hub.Sandbox.World;

/// <summary>
/// The trouble a unit's trajectory put into its last 90 days, per channel, from 0 (none) to 1:
/// the ground truth of what the systems' data can show, for judging how much of it a score reads.
/// </summary>
public sealed record TrajectoryTrouble(double UsageDrop, double SupportLoad, double PaymentTrouble, double Disengagement);
