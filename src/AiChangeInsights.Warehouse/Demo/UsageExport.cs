using System.Globalization;

namespace AiChangeInsights.Warehouse.Demo;

/// <summary>What the usage logs add up to per department and month; the business and innovation exports follow it.</summary>
internal sealed class UsageTotals(int departments, int firstMonth, int lastMonth)
{
    private readonly int[,] activePeople = new int[departments, lastMonth - firstMonth + 1];
    private readonly double[,] minutes = new double[departments, lastMonth - firstMonth + 1];

    public int ActivePeople(DemoDepartment department, int month) => activePeople[department.Index, month - firstMonth];

    public double Minutes(DemoDepartment department, int month) => minutes[department.Index, month - firstMonth];

    public double AdoptionRate(DemoDepartment department, int month) =>
        department.TargetGroupSize == 0 ? 0 : (double)ActivePeople(department, month) / department.TargetGroupSize;

    public void AddActivePerson(DemoDepartment department, int month) => activePeople[department.Index, month - firstMonth]++;

    public void AddMinutes(DemoDepartment department, int month, double value) => minutes[department.Index, month - firstMonth] += value;
}

/// <summary>
/// usage_copilot.csv (generic app-log template) and, for the demo, gebruik_chatgpt.csv (the same log saved by Dutch
/// Excel): one row per person x active working day x feature. Streams month by month: the sampler decides who is
/// active, each active person gets a set of working days, then the days are written in date order.
/// </summary>
internal static class UsageExport
{
    private static readonly string[] CopilotFeatures = ["chat", "summarise", "draft", "meeting_recap", "excel_analysis"];
    private static readonly double[] CopilotFeatureWeights = [35, 20, 20, 15, 10];
    private static readonly string[] ChatGptFeatures = ["chat", "analyse", "schrijven"];
    private static readonly double[] FeaturesPerDay = [35, 35, 20, 10];

    public static (IReadOnlyList<string> Paths, UsageTotals Totals) Write(FictionalOrganisation organisation, string folder, int seed)
    {
        var random = new Random(seed);
        var totals = new UsageTotals(organisation.Departments.Count, organisation.FirstMonth, organisation.LastMonth);
        var sampler = organisation.ActivitySampler();
        var users = sampler.Users;
        var activeDays = new uint[users.Count];
        var dayOrder = new int[32];
        var paths = new List<string>();
        ExportWriter? copilot = null;
        var copilotYear = 0;
        // Large scales split the log per year, as a logging tool's yearly export would.
        var splitByYear = !organisation.IsDemo;
        using var chatGpt = organisation.IsDemo ? new ExportWriter(Path.Combine(folder, "gebruik_chatgpt.csv"), ';', decimalComma: true) : null;
        chatGpt?.Header("Datum", "Gebruiker", "Tool", "Onderdeel", "Duur (minuten)", "Acties");

        try
        {
            for (var month = sampler.FirstMonth; month <= organisation.LastMonth; month++)
            {
                var days = organisation.Calendar.WorkingDays(month);
                sampler.Sample(month);
                for (var i = 0; i < users.Count; i++)
                {
                    activeDays[i] = sampler.IsActive(i) ? DrawActiveDays(users[i], days, random, dayOrder) : 0;
                    if (activeDays[i] != 0) totals.AddActivePerson(users[i].Department, month);
                }

                for (var day = 0; day < days.Length; day++)
                {
                    if (copilot is null || (splitByYear && days[day].Year != copilotYear))
                    {
                        copilot?.Dispose();
                        copilotYear = days[day].Year;
                        var name = splitByYear ? $"usage_copilot_{copilotYear.ToString(CultureInfo.InvariantCulture)}.csv" : "usage_copilot.csv";
                        copilot = new ExportWriter(Path.Combine(folder, name), ',');
                        copilot.Header("date", "user", "tool", "feature", "duration_minutes", "actions");
                        paths.Add(copilot.Path);
                    }
                    var iso = days[day].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var dutch = days[day].ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
                    for (var i = 0; i < users.Count; i++)
                    {
                        if ((activeDays[i] & (1u << day)) == 0) continue;
                        var minutes = WriteDay(users[i], iso, dutch, copilot, chatGpt, random);
                        totals.AddMinutes(users[i].Department, month, minutes);
                    }
                }
            }
        }
        finally
        {
            copilot?.Dispose();
        }

        if (chatGpt is not null) paths.Add(chatGpt.Path);
        return (paths, totals);
    }

    /// <summary>A bit per working day of the month on which an active person uses AI, from their rollout date on.</summary>
    private static uint DrawActiveDays(DemoPerson person, DateOnly[] days, Random random, int[] dayOrder)
    {
        var first = 0;
        while (first < days.Length && days[first] < person.Department.RolloutDate) first++;
        var available = days.Length - first;
        var wanted = Math.Min(available, person.IsHeavyUser ? random.Next(10, 19) : random.Next(6, 13));
        for (var i = 0; i < available; i++) dayOrder[i] = first + i;
        var mask = 0u;
        for (var i = 0; i < wanted; i++)
        {
            var j = i + random.Next(available - i);
            (dayOrder[i], dayOrder[j]) = (dayOrder[j], dayOrder[i]);
            mask |= 1u << dayOrder[i];
        }
        return mask;
    }

    /// <summary>Writes one person's rows for one day (1-4 features, 10-40 minutes in all) and returns the minutes.</summary>
    private static double WriteDay(DemoPerson person, string iso, string dutch, ExportWriter copilot, ExportWriter? chatGpt, Random random)
    {
        var features = 1 + random.PickWeighted(FeaturesPerDay);
        var chatGptFeatures = chatGpt is not null && person.UsesChatGpt && random.Chance(0.45) ? Math.Min(features, random.Chance(0.3) ? 2 : 1) : 0;
        var copilotFeatures = features - chatGptFeatures;
        var dayMinutes = person.IsHeavyUser ? random.Between(15, 45) : random.Between(10, 40);

        Span<double> shares = stackalloc double[features];
        var totalShare = 0.0;
        for (var i = 0; i < features; i++) totalShare += shares[i] = 0.5 + random.NextDouble();

        Span<double> remaining = stackalloc double[CopilotFeatureWeights.Length];
        CopilotFeatureWeights.CopyTo(remaining);
        var chatGptStart = chatGptFeatures > 0 ? random.Next(ChatGptFeatures.Length) : 0;
        var written = 0.0;
        for (var i = 0; i < features; i++)
        {
            var duration = Math.Max(0.5, Math.Round(dayMinutes * shares[i] / totalShare, 1));
            var actions = 1 + (int)(duration * random.Between(0.2, 0.5));
            written += duration;
            if (i < copilotFeatures)
            {
                var feature = random.PickWeighted(remaining);
                remaining[feature] = 0;
                copilot.Text(iso).Text(person.Email).Text("Copilot").Text(CopilotFeatures[feature])
                    .Number(duration, "0.0").Number(actions).EndRow();
            }
            else
            {
                // One or two of the three ChatGPT parts, never the same twice on a day.
                var feature = (chatGptStart + i - copilotFeatures) % ChatGptFeatures.Length;
                chatGpt!.Text(dutch).Text(person.Email).Text("ChatGPT").Text(ChatGptFeatures[feature])
                    .Number(duration, "0.0").Number(actions).EndRow();
            }
        }
        return written;
    }
}
