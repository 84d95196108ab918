using static AiChangeInsights.Warehouse.Ingest.ColumnTyping;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// TalentLMS course progress export: Reports > Course reports > a course > Users > Export (Excel), one row per user
/// enrolled in the course.
/// <para>TalentLMS does not document the export's column headers publicly (checked: help.talentlms.com, the API docs).
/// The spellings accepted are those of the report's screen (User, Email, progress/completion status, completion date,
/// score, time) and of the same data in TalentLMS's course-users API (enrolled_on, completion_status, completed_on,
/// total_time; dates like "25/12/2019, 03:58:40"). Check a real export against <see cref="Mapped"/> before relying on it.
/// </para>
/// One training row per user: completed_at = the completion date, enrolled_at = the enrolment date, score = the score
/// (a "%" is dropped), passed = true/false only where the status says passed/failed (TalentLMS's "Completed" says nothing
/// about a pass). The user's name ("User") and the time spent are not read; a file without an e-mail column is refused.
/// </summary>
public sealed class TalentLmsCourseProgress : OneCourseReport
{
    static readonly string[] Email = ["email", "e_mail", "email_address", "user_email"];
    static readonly string[] Status = ["progress_status", "completion_status", "status", "progress"];
    static readonly string[] CompletionDate = ["completion_date", "completed_on", "date_completed"];
    static readonly string[] Time = ["time", "total_time", "time_spent"];

    public override string Name => "TalentLMS course progress export";
    public override IReadOnlyList<string> Signature => ["user", "email", "progress_status", "completion_date", "time"];

    public override bool Recognises(IReadOnlySet<string> headers) =>
        headers.Contains("user") && Status.Any(headers.Contains) && CompletionDate.Any(headers.Contains) && Time.Any(headers.Contains);

    protected override IReadOnlyDictionary<string, string[]> Mapped { get; } = new Dictionary<string, string[]>
    {
        ["user"] = Email,
        ["completed_at"] = CompletionDate,
        ["enrolled_at"] = ["enrolled_on", "enrollment_date", "enrolment_date", "enrolled"],
        ["score"] = ["score", "average_score"],
    };

    protected override IReadOnlyList<string> AlsoProduces => ["passed"];

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string> { "user", "name", "first_name", "last_name", "login", "username" };

    public override bool KeepsExtraColumn(string normalisedHeader) => Status.Contains(normalisedHeader);

    protected override string? CourseFromFileName(string stem) => stem;

    protected override string ReshapeMore(HeaderMatch match)
    {
        var status = match.Extra.FirstOrDefault() is { } x ? $"lower(trim({Q(x.Name)}))" : "null";
        return ReadableDate(match, "completed_at") + ReadableDate(match, "enrolled_at") + DashIsEmpty(match, "score") + $"""
            update src set passed = case when {status} like '%fail%' then 'false' when {status} like '%pass%' then 'true' end;

            """;
    }
}
