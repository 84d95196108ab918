namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// The seed article's usage curve, relative to the novelty peak: high attention in months 1-3, the "valley of
/// disillusionment" in months 4-9 (about a third below the peak, deepest around month 6), then stabilisation
/// between valley and peak once AI is part of the routine.
/// </summary>
internal static class AdoptionCurve
{
    // Index = months since the person's rollout (1 = rollout month); a table, not a formula, so it reads like the article.
    private static readonly double[] Months = [0, 0.88, 1.00, 0.95, 0.82, 0.71, 0.62, 0.65, 0.70, 0.75, 0.79, 0.81, 0.82];

    public const double Stable = 0.82;

    public static double At(int monthSinceRollout) => monthSinceRollout switch
    {
        < 1 => 0,
        _ when monthSinceRollout < Months.Length => Months[monthSinceRollout],
        _ => Stable,
    };
}
