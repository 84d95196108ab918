using System.Text.RegularExpressions;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Moodle grades export: course > Grades > Export > "Excel spreadsheet" (.xlsx) or "Plain text file" (.csv). Header, as
/// written by grade/export/txt/grade_export_txt.php and grade/export/xls
/// (https://github.com/moodle/moodle/tree/main/grade/export; https://docs.moodle.org/en/Grade_export): the user profile
/// fields "First name", "Last name", "ID number", "Institution", "Department", "Email address", then one column per grade
/// item and display type ("Quiz: AI basics (Real)", "Course total (Real)", "Course total (Percentage)", …) and "Last
/// downloaded from this course" (the export time). The file is named "&lt;course short name&gt; Grades", so the course
/// is --course or that short name.
/// <para>Rule: one training row per person with score = the course total ("Course total (Real)", else "(Percentage)";
/// "-" is no grade). completed_at and passed stay empty: the export is a snapshot of grades on the day of export, with
/// no completion date and no pass mark (Moodle's "grade to pass" is not exported), and re-exports would turn one result
/// into several. Completions come from the course completion report. A later export of the same course does not
/// update a score already loaded (the earliest import wins, as for every training row): undo the earlier import first.</para>
/// <para>Moodle writes these headers in the site's language: "Voornaam, Achternaam, …, E-mailadres, …, Cursustotaal
/// (Echt)" in Dutch, "Vorname, Nachname, …, E-Mail-Adresse, …, Kurs gesamt (Punkte)" in German (the strings of Moodle's
/// language packs: firstname, lastname, email, coursetotal, real, percentage, timeexported).</para>
/// Names, ID number, institution and department are never read.
/// </summary>
public sealed class MoodleGradesExport : OneCourseReport
{
    /// <summary>One language's headers: the person's, the course total's (in points, then as a percentage) and the export time's.</summary>
    sealed record Language(string FirstName, string LastName, string Email, string[] Real, string Percentage, string[] Exported)
    {
        public bool HasPerson(IReadOnlySet<string> headers) => headers.Contains(FirstName) && headers.Contains(LastName) && headers.Contains(Email);
    }

    static readonly Language[] Languages =
    [
        new("first_name", "last_name", "email_address", ["course_total_real"], "course_total_percentage", ["last_downloaded_from_this_course"]),
        // The Dutch pack calls Real "Echt", and "Reëel" in its other display types: both are read.
        new("voornaam", "achternaam", "e_mailadres", ["cursustotaal_echt", "cursustotaal_reeel"], "cursustotaal_percentage",
            ["laatst_gedownload_van_deze_cursus", "laatst_gedownload_van_deze_curus"]),
        new("vorname", "nachname", "e_mail_adresse", ["kurs_gesamt_punkte"], "kurs_gesamt_prozent", ["zuletzt_aus_diesem_kurs_heruntergeladen"]),
    ];

    public override string Name => "Moodle grades export";

    public override IReadOnlyList<string> Signature =>
        [Languages[0].FirstName, Languages[0].LastName, Languages[0].Email, Languages[0].Real[0]];

    public override bool Recognises(IReadOnlySet<string> headers) =>
        Languages.Any(l => l.HasPerson(headers) && (l.Real.Any(headers.Contains) || headers.Contains(l.Percentage)));

    /// <summary>A grades export without the course total (only some grade items exported): the person and the export time.</summary>
    public override IReadOnlyList<string>? MissingFromFamily(IReadOnlySet<string> headers) => Languages
        .Where(l => l.HasPerson(headers) && l.Exported.Any(headers.Contains))
        .Select(l => (IReadOnlyList<string>)[.. new[] { l.FirstName, l.LastName, l.Email, l.Real[0] }.Where(h => !headers.Contains(h))])
        .FirstOrDefault();

    public override string FamilyName => "a Moodle grades export";

    protected override IReadOnlyDictionary<string, string[]> Mapped { get; } = new Dictionary<string, string[]>
    {
        ["user"] = [.. Languages.Select(l => l.Email)],
        // The total in points wherever the export has it, else the percentage.
        ["score"] = [.. Languages.SelectMany(l => l.Real), .. Languages.Select(l => l.Percentage)],
    };

    protected override IReadOnlyList<string> AlsoProduces => ["completed_at"];

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>(
    [
        .. Languages.SelectMany(l => (string[])[l.FirstName, l.LastName, .. l.Exported]),
        "id_number", "institution", "department", "suspended", "id_nummer", "nummer_id", "instituut", "afdeling", "abteilung",
    ]);

    protected override string? CourseFromFileName(string stem) => Regex.Replace(stem, @"[ _-]+(grades|cijfers|bewertungen)$", "", RegexOptions.IgnoreCase);

    protected override string ReshapeMore(HeaderMatch match) => DashIsEmpty(match, "score");

    public override IReadOnlyList<string> Notes(LoadContext context) =>
    [
        .. base.Notes(context),
        "Scores only: the grades export has no completion date or pass mark, so these rows count as enrolments with a score; " +
        "completions come from the course completion report.",
    ];
}
