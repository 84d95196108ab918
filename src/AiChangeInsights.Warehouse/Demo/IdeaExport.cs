namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// ideas.csv: the idea box; one row per idea. Few ideas before go-live, more as departments adopt; about a quarter
/// are cross-functional. Older ideas have been decided on, recent ones are still open.
/// </summary>
internal static class IdeaExport
{
    private sealed record Idea(DateOnly SubmittedAt, int Sequence, string Departments, string Title, string Status);

    public static string Write(FictionalOrganisation organisation, UsageTotals usage, string folder, int seed)
    {
        var random = new Random(seed);
        var departments = organisation.Departments;
        using var csv = new ExportWriter(Path.Combine(folder, "ideas.csv"), ',');
        csv.Header("submitted_at", "departments", "title", "status");
        var ideas = new List<Idea>();
        for (var month = organisation.FirstMonth; month <= organisation.LastMonth; month++)
        {
            ideas.Clear();
            foreach (var department in departments)
            {
                var sinceRollout = Math.Max(0, month - department.RolloutMonth + 1);
                var chance = (0.004 + 0.035 * usage.AdoptionRate(department, month)) * (1 + 0.03 * Math.Min(sinceRollout, 12));
                for (var n = random.Binomial(department.Members.Count, chance); n > 0; n--)
                {
                    var crossFunctional = departments.Count > 1 && random.Chance(0.25);
                    var names = new List<string> { department.Name };
                    if (crossFunctional)
                    {
                        var partners = 1 + (random.Chance(0.3) ? 1 : 0);
                        foreach (var partner in random.Shuffled(departments.Where(d => d != department)).Take(partners)) names.Add(partner.Name);
                    }
                    var title = crossFunctional
                        ? random.Pick(DepartmentFunction.CrossFunctionalIdeas)
                        : random.Chance(0.7) ? random.Pick(department.Function.Ideas) : random.Pick(DepartmentFunction.GeneralIdeas);
                    ideas.Add(new Idea(organisation.Calendar.RandomWorkingDay(random, month), ideas.Count,
                        string.Join('|', names), title, Status(organisation.LastMonth - month, random)));
                }
            }

            foreach (var idea in ideas.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Sequence))
            {
                csv.Date(idea.SubmittedAt, "yyyy-MM-dd").Text(idea.Departments).Text(idea.Title).Text(idea.Status).EndRow();
            }
        }
        return csv.Path;
    }

    private static string Status(int monthsOld, Random random)
    {
        string[] statuses = ["submitted", "in_review", "implemented", "rejected"];
        return statuses[monthsOld switch
        {
            < 1 => random.PickWeighted([70, 30, 0, 0]),
            < 3 => random.PickWeighted([20, 40, 20, 20]),
            _ => random.PickWeighted([10, 15, 45, 30]),
        }];
    }
}
