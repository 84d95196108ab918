namespace AiChangeInsights.Web.Access;

/// <summary>
/// The smallest group a survey number may describe. Configuration (Privacy:MinGroupSize, default 5) sets the floor
/// the works council agreed to; it is never below 3. The stored setting, which every privacy rule in sql/ reads,
/// may be stricter (set on the Admin page) but never smaller.
/// </summary>
public static class MinGroupSize
{
    public const int Least = 3, Default = 5;

    public static int Floor(IConfiguration configuration) =>
        Math.Max(Least, int.TryParse(configuration["Privacy:MinGroupSize"], out var configured) ? configured : Default);
}
