using System.Text.RegularExpressions;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Moodle course completion report: course > Reports > Course completion > "Download in spreadsheet format (UTF-8 .csv)"
/// (or the Excel-flavoured CSV). Header, as written by report/completion/index.php
/// (https://github.com/moodle/moodle/blob/main/report/completion/index.php, strings in report/completion/lang/en and
/// lang/en/completion.php): "ID", "Name", the site's identity fields ("Email address" by default: Site administration >
/// Users > Permissions > User policies > Show user identity), per activity criterion "&lt;activity&gt;" and
/// "&lt;activity&gt; - Completion date", other criteria by title, then "Course complete" holding the completion date
/// (format strftimedatetimeshort, "13/03/25, 14:05" in English) or nothing. The file is named completion-&lt;course short
/// name&gt;.csv and holds no course column, so the course is --course or that short name.
/// One training row per person: completed_at = "Course complete" (empty: enrolled, not completed). Moodle's user ID and
/// name and the per-activity columns are not read. Localised headers: the Dutch ("Cursus voltooid", "E-mailadres") and
/// German ("Kurs abschließen", "E-Mail-Adresse") spellings come from Moodle's language packs and are accepted; other
/// languages need the English interface for the export.
/// </summary>
public sealed class MoodleCompletionReport : OneCourseReport
{
    static readonly string[] CourseComplete = ["course_complete", "cursus_voltooid", Headers.Normalise("Kurs abschließen")];

    public override string Name => "Moodle course completion report";
    public override IReadOnlyList<string> Signature => ["id", "name", "course_complete"];
    public override bool Recognises(IReadOnlySet<string> headers) => headers.Contains("id") && CourseComplete.Any(headers.Contains);

    protected override IReadOnlyDictionary<string, string[]> Mapped { get; } = new Dictionary<string, string[]>
    {
        ["user"] = ["email_address", "e_mailadres", "e_mail_adresse", "email", "e_mail"],
        ["completed_at"] = CourseComplete,
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string> { "id", "name", "naam" };

    protected override string? CourseFromFileName(string stem) => Regex.Replace(stem, "^completion[-_ ]", "", RegexOptions.IgnoreCase);

    protected override string ReshapeMore(HeaderMatch match) => ReadableDate(match, "completed_at");
}
