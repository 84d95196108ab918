namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// business_metrics.csv: process measurements per department and month (long format). Hours saved follow the
/// minutes actually logged; error rate, cost and customer satisfaction move with the department's adoption.
/// </summary>
internal static class BusinessMetricsExport
{
    public static string Write(FictionalOrganisation organisation, UsageTotals usage, string folder, int seed)
    {
        var random = new Random(seed);
        var departments = organisation.Departments;
        // Each department's own starting point, drawn once so the before/after comparison has a stable baseline.
        var baseErrorRate = departments.Select(_ => random.Between(2.5, 6.5)).ToArray();
        var baseCost = departments.Select(d => d.Members.Count * random.Between(1100, 1500)).ToArray();
        var baseCsat = departments.Select(_ => random.Between(6.8, 7.6)).ToArray();
        var savingPerMinute = departments.Select(_ => random.Between(1.2, 1.8)).ToArray();

        using var csv = new ExportWriter(Path.Combine(folder, "business_metrics.csv"), ',');
        csv.Header("period", "department", "metric", "value");
        for (var month = organisation.FirstMonth; month <= organisation.LastMonth; month++)
        {
            var period = organisation.Calendar.Period(month);
            foreach (var department in departments)
            {
                var i = department.Index;
                var adoption = usage.AdoptionRate(department, month);
                var hoursSaved = usage.Minutes(department, month) * savingPerMinute[i] / 60;
                var errorRate = baseErrorRate[i] * (1 - 0.4 * adoption) + random.Between(-0.2, 0.2);
                var cost = baseCost[i] * (1 - 0.10 * adoption) * (1 + random.Between(-0.015, 0.015));
                var csat = Math.Clamp(baseCsat[i] + 0.9 * adoption + random.Between(-0.15, 0.15), 1, 10);

                csv.Text(period).Text(department.Name).Text("hours_saved").Number(hoursSaved, "0.0").EndRow();
                csv.Text(period).Text(department.Name).Text("error_rate").Number(Math.Max(0.1, errorRate), "0.0").EndRow();
                csv.Text(period).Text(department.Name).Text("cost").Number(Math.Round(cost), "0").EndRow();
                csv.Text(period).Text(department.Name).Text("csat").Number(csat, "0.0").EndRow();
            }
        }
        return csv.Path;
    }
}
