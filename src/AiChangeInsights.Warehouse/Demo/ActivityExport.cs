namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// activities.csv: the change-management calendar with attendance; one row per participant, or one row with a
/// head count for communication. Runs from two months before a department's rollout to month 12, densest around
/// go-live, and departments with a higher activity intensity get more: that is what the correlation view finds.
/// Written month by month, each month sorted by date.
/// </summary>
internal static class ActivityExport
{
    private sealed record Row(DateOnly Date, int Sequence, string Type, string Title, int Phase, DemoDepartment Department,
        DemoPerson? Participant, double Hours);

    private const int FirstRelativeMonth = -2;
    private const int LastRelativeMonth = 12;

    public static string Write(FictionalOrganisation organisation, string folder, int seed)
    {
        var random = new Random(seed);
        var completions = organisation.People
            .SelectMany(p => p.Courses.Where(c => c.CompletedAt is not null).Select(c => (Person: p, Enrolment: c)))
            .ToLookup(c => organisation.Calendar.MonthIndexOf(c.Enrolment.CompletedAt!.Value));
        var champions = organisation.People.Where(p => p.IsChampion).ToList();
        var lastActivityMonth = Math.Min(organisation.LastMonth, organisation.Departments.Max(d => d.RolloutMonth) + LastRelativeMonth - 1);

        using var csv = new ExportWriter(Path.Combine(folder, "activities.csv"), ',');
        csv.Header("date", "type", "title", "phase", "department", "participant", "participants_count", "hours");
        var rows = new List<Row>();
        for (var month = organisation.FirstMonth; month <= lastActivityMonth; month++)
        {
            rows.Clear();
            void Add(DateOnly date, string type, string title, int phase, DemoDepartment department, DemoPerson? participant, double hours) =>
                rows.Add(new Row(date, rows.Count, type, title, phase, department, participant, hours));

            foreach (var department in organisation.Departments)
            {
                var relative = month - department.RolloutMonth + 1;
                if (relative is >= FirstRelativeMonth and <= LastRelativeMonth) PlanDepartmentMonth(organisation, department, month, relative, random, Add);
            }

            // Training sessions are the course completions; champions meet across departments every month.
            foreach (var (person, enrolment) in completions[month])
            {
                Add(enrolment.CompletedAt!.Value, "training", enrolment.Course.Name, 3, person.Department, person, enrolment.Course.Hours);
            }
            if (month >= 0 && champions.Count > 0)
            {
                var date = organisation.Calendar.RandomWorkingDay(random, month);
                foreach (var champion in champions.Where(c => c.Department.RolloutMonth - 1 <= month && random.Chance(0.8)))
                {
                    Add(date, "champion_meetup", "Bijeenkomst AI-champions", 3, champion.Department, champion, 1.5);
                }
            }

            rows.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Sequence.CompareTo(b.Sequence));
            foreach (var row in rows)
            {
                csv.Date(row.Date, "yyyy-MM-dd").Text(row.Type).Text(row.Title).Number(row.Phase).Text(row.Department.Name);
                if (row.Participant is null) csv.Empty().Number(row.Department.Members.Count);
                else csv.Text(row.Participant.Email).Empty();
                csv.Number(row.Hours, "0.0#").EndRow();
            }
        }
        return csv.Path;
    }

    /// <summary>The article's phases: inform and involve (1), demonstrate and co-create (2), build competence (3), anchor (4).</summary>
    private static void PlanDepartmentMonth(FictionalOrganisation organisation, DemoDepartment department, int month, int relative, Random random,
        Action<DateOnly, string, string, int, DemoDepartment, DemoPerson?, double> add)
    {
        var intensity = department.ActivityIntensity;
        var members = department.Members;
        DateOnly Day() => organisation.Calendar.RandomWorkingDay(random, month);

        void Session(string type, string title, int phase, double hours, double learnerChance, double otherChance)
        {
            var date = Day();
            foreach (var person in members)
            {
                if (random.Chance(person.IsLearner || person.IsManagerLevel ? learnerChance : otherChance)) add(date, type, title, phase, department, person, hours);
            }
        }

        var communication = relative switch
        {
            -2 => "Nieuwsbrief: waarom wij AI gaan gebruiken",
            -1 => "Intranetbericht: planning van de AI-uitrol",
            0 => "Teambericht: zo start u met de AI-assistent",
            1 => "Update: de eerste weken met AI",
            _ when random.Chance(0.35 * intensity) => relative >= 7 ? "Update: AI-vaardigheden in functieprofielen" : "Update: resultaten en tips",
            _ => null,
        };
        if (communication is not null)
        {
            var phase = relative switch { <= 0 => 1, <= 3 => 2, <= 6 => 3, _ => 4 };
            add(Day(), "communication", communication, phase, department, null, 0.25);
        }

        if (relative <= 0 && random.Chance(intensity)) Session("ai_breakfast", "AI-ontbijt: wat kan AI voor ons betekenen?", 1, 1, 0.45, 0.25);
        if (relative == 0 && random.Chance(0.3 + 0.7 * intensity)) Session("experience_day", "AI-ervaringsdag", 1, 4, 0.6, 0.3);

        if (relative is >= 0 and <= 3)
        {
            var workshops = random.Binomial(2, intensity);
            for (var i = 0; i < workshops; i++) Session("workshop", $"Workshop: AI bij {department.Function.WorkProcess}", 2, 2.5, 0.45, 0.08);
            if (random.Chance(0.5 * intensity)) Session("co_creation", $"Co-creatiesessie: use cases {department.Name}", 2, 3, 0.2, 0.05);
        }
        if (relative is 0 or 1 && random.Chance(intensity)) Session("demo", "Demonstratie op de werkvloer", 2, 1, 0.4, 0.2);
        if (relative is >= 1 and <= 4)
        {
            // Buddies help colleagues who did not take a course yet.
            var date = Day();
            foreach (var person in members.Where(p => p.InTargetGroup && !p.IsLearner && random.Chance(0.15 * intensity)))
            {
                add(date, "buddy", "Buddy-sessie met een AI-champion", 2, department, person, 1);
            }
        }

        if (relative >= 1 && random.Chance(0.7 * intensity)) Session("office_hours", "AI-spreekuur", 3, 1, 0.1, 0.04);
        if (relative is >= 1 and <= 6 && random.Chance(0.5 * intensity)) Session("qa_session", "Q&A-sessie: AI, privacy en uw werk", 3, 1, 0.2, 0.1);
        if (relative >= 7 && random.Chance(0.3 * intensity)) Session("co_creation", "Doorontwikkeling: nieuwe use cases", 4, 2, 0.15, 0.03);
    }
}
