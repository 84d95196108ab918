using System.Text.RegularExpressions;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// LimeSurvey's response export as CSV (Responses > Export > Export responses, format CSV): one header row, one row per
/// response, every value quoted, UTF-8 with BOM. The metadata columns depend on the survey's settings and the export's
/// "Headings" option, which this reader tells apart by the metadata names:
/// "Question code": id, submitdate, lastpage, startlanguage, seed, [token], [startdate, datestamp when the survey
/// records dates], [ipaddr], [refurl], then question codes (Q1, Q2[SQ001] for an array row, Q3[other], Q3[comment]),
/// timings when saved (interviewtime, groupTime12, Q1Time) and participant fields (firstname, lastname, email,
/// attribute_1); "Full question text": Response ID, Date submitted, Last page, Start language, Seed, [Token], [Date
/// started, Date last action], [IP address], [Referrer URL], then the question texts ("Question [Subquestion]"),
/// "Total time", "Group time: …", "Question time: …" and the participant fields' descriptions (First name, Last name,
/// Email address). "Responses" gives answer codes (1-5 on a 5-point array, AO01… for answer options, A1… before
/// LimeSurvey 4) or full answers (the labels); both are read with SurveyImporter's scales, an option code as its number
/// (<see cref="Survey.AnswerCodes"/>). An anonymised survey ("Anonymized responses") exports no token and no participant
/// fields: its responses belong to nobody.
/// Sources: LimeSurvey's source on GitHub, the documentation of record for its export: createFieldMap and
/// createTimingsFieldMap in application/helpers/common_helper.php (the metadata fields and their full-text names,
/// datestamp/ipaddr/refurl only when the survey records them), application/helpers/admin/export/Writer.php (the
/// heading formats code, abbreviated, full, codetext) and CsvWriter.php (BOM, quoting); the manual page
/// https://manual.limesurvey.org/Export_responses describes the same options. Unclear or not supported: the full-text
/// metadata names are translated into the survey's language (only the English names are recognised; export with
/// question codes otherwise) and "Question code &amp; question text" headings are not recognised.
/// Read: id as the response, submitdate as the time. Decision, as for Qualtrics: an incomplete response (no submitdate)
/// is kept with the answers it gave, timed by datestamp ("Date last action"); without datestamp it is rejected. A survey
/// that does not record dates stores 1980-01-01 as every submitdate: those rows are rejected with that reason rather
/// than put in a 1980 wave. The participant's email, when exported, is the person; a column named like the template's
/// department is the department. Never read: token, names, IP address, referrer, seed, language, start date, last page,
/// timings, typed "other"/"comment" text, coded participant attributes (attribute_1…).
/// </summary>
public sealed partial class LimeSurveyExport(LimeSurveyExport.Headings headings) : VendorExport
{
    public enum Headings { QuestionCode, FullQuestionText }

    bool Codes => headings == Headings.QuestionCode;

    public override string Name => Codes ? "LimeSurvey export (question codes)" : "LimeSurvey export (full question texts)";
    public override Source Template { get; } = SourceCatalog.Find("survey");

    public override IReadOnlyList<string> Signature => Codes
        ? ["id", "submitdate", "lastpage", "startlanguage"]
        : ["response_id", "date_submitted", "last_page", "start_language"];

    public override IReadOnlyDictionary<string, string[]> Columns => Codes
        ? new Dictionary<string, string[]> { ["response_id"] = ["id"], ["submitted_at"] = ["submitdate"], ["user"] = ["email"] }
        : new Dictionary<string, string[]> { ["response_id"] = ["response_id"], ["submitted_at"] = ["date_submitted"], ["user"] = ["email_address", "email"] };

    public override IReadOnlyDictionary<string, string[]> RowFacts => new Dictionary<string, string[]>
    {
        ["_datestamp"] = Codes ? ["datestamp"] : ["date_last_action"],
    };

    public override IReadOnlySet<string> Ignored => Codes
        ? new HashSet<string> { "token", "firstname", "lastname", "ipaddr", "refurl", "seed", "startlanguage", "lastpage", "startdate", "interviewtime" }
        : new HashSet<string> { "token", "access_code", "first_name", "last_name", "ip_address", "referrer_url", "seed", "start_language", "last_page", "date_started", "total_time" };

    public override IReadOnlyList<RowRule> RowRules { get; } =
    [
        new("submitted_at::date = date '1980-01-01'", "submitted_at",
            "1980-01-01 is LimeSurvey's placeholder when a survey does not record dates: turn on 'Date stamp' in the survey's settings or use the template with a real date"),
    ];

    public override bool KeepsExtraColumn(IReadOnlyList<HeadRecord> headerRows, int field, string normalisedName)
    {
        var header = headerRows[0].Fields[field].Trim();
        if (normalisedName.Length == 0 || TypedText().IsMatch(header)) return false;
        if (!Codes) return !TimingText().IsMatch(header);
        if (GroupTime().IsMatch(header) || Attribute().IsMatch(header)) return false;
        // Q1Time is the time spent on question Q1 when the survey saves timings.
        return !(header.EndsWith("Time", StringComparison.Ordinal)
                 && headerRows[0].Fields.Any(f => f.Trim() == header[..^4] || f.Trim().StartsWith(header[..^4] + "[", StringComparison.Ordinal)));
    }

    /// <summary>An incomplete response is timed by its last action; which rows those were is kept for the summary.</summary>
    public override string? Reshape(HeaderMatch match, ImportRequest request) => match.Columns.ContainsKey("_datestamp")
        ? """
          create or replace temp table limesurvey_incomplete as
              select rowid as _rec from src where nullif(trim(submitted_at), '') is null and nullif(trim(_datestamp), '') is not null;
          update src set submitted_at = _datestamp where nullif(trim(submitted_at), '') is null;
          """
        : "create or replace temp table limesurvey_incomplete as select null::bigint as _rec where false";

    public override IReadOnlyList<string> Notes(LoadContext context)
    {
        var incomplete = context.Scalar<long>("select count(*) from valid where _rec in (select _rec from limesurvey_incomplete)");
        return incomplete == 0 ? [] : [$"{incomplete} incomplete response(s) (no submitdate) kept with the answers given, dated by their last action."];
    }

    [GeneratedRegex(@"\[(other|comment)\]$", RegexOptions.IgnoreCase)]
    private static partial Regex TypedText();

    [GeneratedRegex(@"^(Total time|Group time:.*|Question time:.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimingText();

    [GeneratedRegex(@"^groupTime\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex GroupTime();

    [GeneratedRegex(@"^attribute_\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();
}
