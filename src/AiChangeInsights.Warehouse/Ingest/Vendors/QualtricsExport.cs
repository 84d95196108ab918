using System.Net;
using System.Text.RegularExpressions;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// What Qualtrics' response exports share, in the current and in the legacy format. Status (named "Response Type" on
/// the question-text row) says what kind of response a row is: 0 "IP Address" a normal response, 1 "Survey Preview",
/// 2 "Survey Test", 4 "Imported", 8 "Spam", 9 "Preview Spam", 16 "Offline", 17 "Offline Preview" (numeric exports
/// write the code, choice-text exports the name). Previews, tests and spam are nobody's answers: such a row is rejected,
/// naming its line. Finished is 1/True when the respondent reached the end, 0/False for a response Qualtrics closed
/// when it expired (Progress then says how far it got).
/// Decision: unfinished responses are kept with the answers they gave. Qualtrics' own reports count these recorded
/// responses too, and an answer given on page 2 is no less an answer because page 3 was never reached; the summary
/// says how many there were. Sources: https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/
/// (Status codes as summarised in davemosk/FinSL-signbank docs/validation_result_model.md; Finished/Progress from
/// https://www.qualtrics.com/support/employee-experience/creating-360-project/data-tab-360/understanding-your-response-data-set-360/).
/// </summary>
public abstract partial class QualtricsExport : VendorExport
{
    public override Source Template { get; } = SourceCatalog.Find("survey");

    public override IReadOnlyDictionary<string, string[]> RowFacts { get; } = new Dictionary<string, string[]>
    {
        ["_status"] = ["status"],
        ["_finished"] = ["finished"],
    };

    public override IReadOnlyList<RowRule> RowRules { get; } =
    [
        new("lower(trim(_status)) in ('1', '2', '8', '9', '17', 'survey preview', 'survey test', 'spam', 'preview spam', 'offline preview')",
            "_status", "a survey preview, test or spam response (Status), not a respondent's: not loaded"),
    ];

    /// <summary>A numeric export may recode "seen but unanswered" as -99: no answer, rather than an answer off the scale.</summary>
    public override string? Reshape(HeaderMatch match, ImportRequest request) => match.Extra.Count == 0
        ? null
        : "update src set " + string.Join(", ", match.Extra.Select(x =>
            $"{ColumnTyping.Q(x.Name)} = case when trim({ColumnTyping.Q(x.Name)}) = '-99' then null else {ColumnTyping.Q(x.Name)} end"));

    public override IReadOnlyList<string> Notes(LoadContext context)
    {
        var unfinished = context.Scalar<long>("select count(*) from valid where lower(trim(_finished)) in ('0', 'false')");
        return unfinished == 0 ? [] : [$"{unfinished} unfinished response(s) (Finished = 0) kept with the answers given."];
    }

    /// <summary>A question text as the analyst saw it: without HTML, entities or runs of white space.</summary>
    protected static string PlainText(string text) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(text, " ")), " ").Trim();

    protected static string? Field(HeadRecord row, int field) => field < row.Fields.Count ? row.Fields[field] : null;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
