namespace AiChangeInsights.Warehouse.Demo;

/// <summary>maturity.csv: the half-yearly maturity assessment; one row per department per assessment (stage 1-5).</summary>
internal static class MaturityExport
{
    public static string Write(FictionalOrganisation organisation, string folder)
    {
        using var csv = new ExportWriter(Path.Combine(folder, "maturity.csv"), ',');
        csv.Header("assessed_at", "department", "stage");
        var months = organisation.AssessmentMonths;
        for (var i = 0; i < months.Count; i++)
        {
            var assessedAt = organisation.Calendar.MonthStart(months[i]).AddDays(14);
            foreach (var department in organisation.Departments)
            {
                csv.Date(assessedAt, "yyyy-MM-dd").Text(department.Name).Number(department.Maturity[Math.Min(i, department.Maturity.Length - 1)]).EndRow();
            }
        }
        return csv.Path;
    }
}
