using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class TalentLmsCourseProgressTests : IDisposable
{
    readonly TestWarehouse test = new();

    public TalentLmsCourseProgressTests() => test.Import(test.File("roster.csv", VendorSamples.Roster));

    public void Dispose() => test.Dispose();

    [Fact]
    public void Each_user_of_the_course_becomes_a_training_row_with_completion_score_and_a_failed_status()
    {
        var summary = test.Import(VendorSamples.Path("AI voor beginners.csv"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("TalentLMS course progress export");
        // 4 users; D. Visser has no e-mail (line 5, column 2): 1 rejected, 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((4L, 3L, 1L));
        summary.Message.ShouldContain("line 5, column 2 (Email): user is required but empty");
        // "14/02/2025, 16:20:11" reads day first; "92%" is 92; only "Failed" says something about passing.
        test.Query<(string Course, DateTime? Enrolled, DateTime? Completed, decimal? Score, bool? Passed)>(
            "select course, enrolled_at, completed_at, score, passed from fct_training order by completed_at nulls last").ShouldBe([
                ("AI voor beginners", new DateTime(2025, 2, 3), new DateTime(2025, 2, 14), 92m, null),
                ("AI voor beginners", new DateTime(2025, 2, 3), new DateTime(2025, 2, 20), 40m, false),
                ("AI voor beginners", new DateTime(2025, 2, 3), null, null, null),
            ]);
        test.ShouldStoreNoNamesOrEmails("de Vries", "B. Jansen", "C. Bakker", "D. Visser");
    }

    [Fact]
    public void An_export_without_e_mail_addresses_is_refused()
    {
        var summary = test.Import(test.File("AI voor beginners zonder mail.csv", """
            User,Progress status,Completion date,Score,Time
            A. de Vries,Completed,"14/02/2025, 16:20:11",92%,1h 10m

            """), new ImportRequest { Course = "AI voor beginners" });

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("this is a TalentLMS course progress export, but the columns it needs for training are missing: 'user'");
    }
}
