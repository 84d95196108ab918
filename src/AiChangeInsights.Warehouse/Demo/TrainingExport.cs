namespace AiChangeInsights.Warehouse.Demo;

/// <summary>training.csv: an LMS enrolment report; one row per person x course, ordered by enrolment date.</summary>
internal static class TrainingExport
{
    public static string Write(FictionalOrganisation organisation, string folder)
    {
        var enrolments = organisation.People
            .SelectMany(person => person.Courses.Select(enrolment => (person, enrolment)))
            .OrderBy(row => row.enrolment.EnrolledAt)
            .ThenBy(row => row.person.Number)
            .ThenBy(row => row.enrolment.Course.Name, StringComparer.Ordinal);

        using var csv = new ExportWriter(Path.Combine(folder, "training.csv"), ',');
        csv.Header("user", "course", "level", "enrolled_at", "completed_at", "score", "passed");
        foreach (var (person, enrolment) in enrolments)
        {
            csv.Text(person.Email).Text(enrolment.Course.Name).Text(enrolment.Course.Level).Date(enrolment.EnrolledAt, "yyyy-MM-dd");
            if (enrolment is { CompletedAt: { } completedAt, Score: { } score })
            {
                csv.Date(completedAt, "yyyy-MM-dd").Number(score).Text(score >= CourseEnrolment.PassMark ? "yes" : "no");
            }
            else
            {
                csv.Empty().Empty().Empty();
            }
            csv.EndRow();
        }
        return csv.Path;
    }
}
