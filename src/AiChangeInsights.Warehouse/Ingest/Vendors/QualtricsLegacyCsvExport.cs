using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// Qualtrics' legacy CSV export ("Use legacy exporter"): two header rows, responses from line 3. Row 1 numbers the
/// metadata V1..V10 and names the questions by id (Q1, Q2_1); row 2 has the names that matter: V1 ResponseID,
/// V2 ResponseSet, V3 Name, V4 ExternalDataReference, V5 EmailAddress, V6 IPAddress, V7 Status, V8 StartDate,
/// V9 EndDate, V10 Finished, then the question texts, and LocationLatitude, LocationLongitude, LocationAccuracy at the end.
/// Sources: ropensci/qualtRics tests/testthat/files/sample_legacy.csv (a real legacy export, German response-set name)
/// and R/read_survey.R (legacy = skip 2 rows); the ResponseSet column in
/// https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/.
/// Columns are matched by their row-2 name, not by V-number, so a reordered or trimmed export still reads right; row 1 is
/// skipped. Read: ResponseID, EndDate as the time, EmailAddress as the person (empty for an anonymous link), a department
/// question or embedded field named like the template's department, Status and Finished as in
/// <see cref="QualtricsExport"/>; every other column is a question named by its text. Never read: Name,
/// ExternalDataReference, IPAddress, ResponseSet, StartDate, location. Unclear in the sources: the legacy format has no
/// ImportId row, so typed-text questions cannot be told apart by their header; SurveyImporter leaves out columns whose
/// answers are text (they are read into memory for that, never stored).
/// </summary>
public sealed class QualtricsLegacyCsvExport : QualtricsExport
{
    public override string Name => "Qualtrics legacy CSV export";
    public override IReadOnlyList<string> Signature => ["responseid", "responseset", "startdate", "enddate"];

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["response_id"] = ["responseid"],
        ["submitted_at"] = ["enddate"],
        ["user"] = ["emailaddress"],
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "responseset", "name", "externaldatareference", "ipaddress", "startdate",
        "locationlatitude", "locationlongitude", "locationaccuracy",
    };

    public override string ExtraHeader(IReadOnlyList<HeadRecord> headerRows, int field) =>
        PlainText(headerRows[0].Fields[field]) is { Length: > 0 } text ? text : headerRows[0].Fields[field].Trim();
}
