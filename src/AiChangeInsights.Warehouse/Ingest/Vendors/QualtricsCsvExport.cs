using System.Text.RegularExpressions;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Qualtrics' response export as CSV (Data &amp; Analysis > Export &amp; Import > Export data > CSV), current format:
/// three header rows, responses from line 4. Row 1 has the field names (StartDate, EndDate, Status, IPAddress, Progress,
/// Duration (in seconds), Finished, RecordedDate, ResponseId, RecipientLastName, RecipientFirstName, RecipientEmail,
/// ExternalReference, LocationLatitude, LocationLongitude, DistributionChannel, UserLanguage, then embedded data and the
/// questions: Q1, Q2_1 for a matrix row, Q3_TEXT for typed text, Q4_NPS_GROUP for Qualtrics' own NPS grouping); row 2 the
/// question texts ("Question - statement" for a matrix row, " - Selected Choice" when an option has a text box; the
/// metadata names there follow the account's language, e.g. "Antwort-ID"); row 3 the ImportId of each field as JSON
/// ({"ImportId":"QID2_1"}, {"ImportId":"startDate","timeZone":"Europe/Amsterdam"}).
/// Sources: https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/
/// ("CSV and TSV files come with 3 rows of headers"), ropensci/qualtRics tests/testthat/files/sample.csv (a real export,
/// German second row) and R/read_survey.R (skips 3 rows; HTML in the question texts).
/// Read: ResponseId as the response, RecordedDate (EndDate when RecordedDate was left out of the export) as the time,
/// RecipientEmail as the person when the survey went out by e-mail or personal link (empty for an anonymous link: the
/// response belongs to nobody). The department is a column named like the template's department (an embedded data
/// field "Afdeling", or a question whose export tag or text is "Afdeling"/"Department"). Questions are the columns
/// whose ImportId is a question (QID…), named by their text on row 2 so that the keyword defaults and the analyst's
/// remembered mapping work per question text; numeric values and choice texts are both read (the answer scales of
/// SurveyImporter). Never read: names, IP address, location, external reference, language, channel, durations,
/// embedded data other than the department, typed text (…_TEXT) and the NPS grouping. Not documented by Qualtrics and
/// so not assumed: the recode values of a numeric export (they are the survey's own; export choice text when a scale is
/// not recoded 1-5 or 0-10).
/// </summary>
public sealed partial class QualtricsCsvExport : QualtricsExport
{
    public override string Name => "Qualtrics CSV export";
    public override IReadOnlyList<string> Signature => ["startdate", "enddate", "responseid"];

    // The legacy format's second row has these names too, and ResponseSet, which the current format dropped.
    public override bool Recognises(IReadOnlySet<string> headers) => base.Recognises(headers) && !headers.Contains("responseset");

    // A contact list (Directory / mailing list export) has the contact fields of a distribution but no response.
    public override IReadOnlyList<string> Family => ["firstname", "lastname", "email", "externaldatareference"];
    public override string FamilyName => "a Qualtrics contact list (a mailing-list export, no responses)";
    public override int ExtraHeaderRows => 2;

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["response_id"] = ["responseid"],
        ["submitted_at"] = ["recordeddate", "enddate"],
        ["user"] = ["recipientemail"],
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "startdate", "ipaddress", "progress", "duration_in_seconds", "recipientlastname", "recipientfirstname",
        "externalreference", "externaldatareference", "locationlatitude", "locationlongitude", "distributionchannel",
        "userlanguage", "q_ballotboxstuffing", "q_recaptchascore", "q_relevantidduplicate", "q_relevantidduplicatescore",
        "q_relevantidfraudscore", "q_relevantidlaststartdate", "q_totalduration", "q_url",
    };

    static readonly IReadOnlySet<string> DepartmentSpellings =
        SourceCatalog.Find("survey").Columns.Single(c => c.Name == "department").Spellings.Select(Headers.Normalise).ToHashSet();

    public override (int Line, string Reason)? HeaderRowsProblem(IReadOnlyList<HeadRecord> headerRows)
    {
        if (headerRows.Count < 3)
            return (headerRows[^1].Line, "this is a Qualtrics CSV export, but its three header rows (field names, question texts, ImportIds) are incomplete.");
        if (ImportIds(headerRows[1]) > 0 || ImportIds(headerRows[2]) == 0)
            return (headerRows[2].Line,
                $"this is a Qualtrics CSV export, but line {headerRows[1].Line} should hold the question texts and line {headerRows[2].Line} " +
                "the ImportIds ({\"ImportId\":…}); were header rows removed? Export the responses again as CSV and upload the file unchanged.");
        return null;
    }

    /// <summary>A question found by its text: "Afdeling" on row 2 is the department even when row 1 says Q7.</summary>
    public override IReadOnlyList<string> HeaderNames(IReadOnlyList<HeadRecord> headerRows) =>
        headerRows[0].Fields.Select((name, field) =>
            IsQuestion(headerRows, field) && QuestionText(headerRows, field) is { } text && DepartmentSpellings.Contains(Headers.Normalise(text))
                ? text
                : name).ToList();

    public override bool KeepsExtraColumn(IReadOnlyList<HeadRecord> headerRows, int field, string normalisedName) =>
        IsQuestion(headerRows, field);

    public override string ExtraHeader(IReadOnlyList<HeadRecord> headerRows, int field) =>
        QuestionText(headerRows, field) ?? headerRows[0].Fields[field].Trim();

    /// <summary>
    /// A question's answer column: ImportId QID2, QID2_1 (matrix row), QID2#1_1 (side by side), 1_QID2 (loop and
    /// merge). Not typed text (QID2_TEXT, QID2_4_TEXT), display order (QID2_DO), NPS grouping (QID2_NPS_GROUP), embedded
    /// data (ImportId = its own name) or metadata (startDate, _recordId).
    /// </summary>
    static bool IsQuestion(IReadOnlyList<HeadRecord> headerRows, int field) =>
        headerRows.Count >= 3 && Field(headerRows[2], field) is { } cell && ImportId().Match(cell) is { Success: true } id
        && QuestionId().IsMatch(id.Groups[1].Value);

    static string? QuestionText(IReadOnlyList<HeadRecord> headerRows, int field) =>
        Field(headerRows[1], field) is { } text && PlainText(SelectedChoice().Replace(text, "")) is { Length: > 0 } plain ? plain : null;

    static int ImportIds(HeadRecord row) => row.Fields.Count(f => ImportId().IsMatch(f));

    [GeneratedRegex(@"^\s*\{\s*""ImportId""\s*:\s*""([^""]*)""")]
    private static partial Regex ImportId();

    [GeneratedRegex(@"^(\d+_)?QID\d+(#\d+)?(_\d+)*$")]
    private static partial Regex QuestionId();

    [GeneratedRegex(@"\s+-\s+Selected Choice\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SelectedChoice();
}
