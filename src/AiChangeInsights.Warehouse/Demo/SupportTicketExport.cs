namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// support_tickets.csv: the helpdesk export; one row per ticket. Ordinary IT tickets arrive at a steady rate;
/// AI-related tickets peak right after a department's rollout and fall as competence grows.
/// </summary>
internal static class SupportTicketExport
{
    private static readonly string[] GeneralCategories = ["login", "hardware", "data-access", "how-to"];
    private static readonly double[] GeneralWeights = [25, 35, 20, 20];
    private static readonly string[] AiCategories = ["prompting", "how-to", "login", "data-access"];
    private static readonly double[] AiWeights = [35, 35, 15, 15];

    private sealed record Ticket(DateTime CreatedAt, int Sequence, DemoDepartment Department, string Category, bool AiRelated);

    public static string Write(FictionalOrganisation organisation, UsageTotals usage, string folder, int seed)
    {
        var random = new Random(seed);
        using var csv = new ExportWriter(Path.Combine(folder, "support_tickets.csv"), ',');
        csv.Header("created_at", "department", "category", "ai_related");
        var tickets = new List<Ticket>();
        for (var month = organisation.FirstMonth; month <= organisation.LastMonth; month++)
        {
            tickets.Clear();
            foreach (var department in organisation.Departments)
            {
                var sinceRollout = month - department.RolloutMonth + 1;
                var general = random.Binomial(department.Members.Count, 0.10);
                var ai = sinceRollout switch
                {
                    < 0 => 0,
                    0 => random.Binomial(department.Members.Count, 0.02),
                    // Tickets per active user: ~0.48 in the rollout month, ~0.11 a year later.
                    _ => random.Binomial(usage.ActivePeople(department, month), 0.06 + 0.42 / (1 + 0.6 * (sinceRollout - 1))),
                };
                for (var i = 0; i < general + ai; i++)
                {
                    var aiRelated = i >= general;
                    var category = aiRelated ? AiCategories[random.PickWeighted(AiWeights)] : GeneralCategories[random.PickWeighted(GeneralWeights)];
                    var createdAt = organisation.Calendar.RandomWorkingDay(random, month).ToDateTime(new TimeOnly(7, 30)).AddMinutes(random.Next(10 * 60));
                    tickets.Add(new Ticket(createdAt, tickets.Count, department, category, aiRelated));
                }
            }

            foreach (var ticket in tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Sequence))
            {
                csv.DateTime(ticket.CreatedAt).Text(ticket.Department.Name).Text(ticket.Category).Text(ticket.AiRelated ? "yes" : "no").EndRow();
            }
        }
        return csv.Path;
    }
}
