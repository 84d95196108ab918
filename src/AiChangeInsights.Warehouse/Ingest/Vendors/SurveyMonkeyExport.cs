using System.Text.RegularExpressions;
using AiChangeInsights.Warehouse.Ingest.Files;

namespace AiChangeInsights.Warehouse.Ingest.Vendors;

/// <summary>
/// SurveyMonkey's "All individual responses" export as CSV (Analyze Results > Save as > Export file > All individual
/// responses > CSV): two header rows, responses from line 3. Row 1: Respondent ID, Collector ID, Start Date, End Date,
/// IP Address, Email Address, First Name, Last Name, Custom Data 1, then one cell per question, written only above the
/// question's first column: a matrix or a multiple-answer question spans several columns whose row-1 cells are empty.
/// Row 2 labels each answer column: "Response" for a single answer, the row of a matrix, the option of a multiple-answer
/// question, "Other (please specify)" / "Open-Ended Response" for typed text; empty under the metadata. Timestamps are
/// written like 03/10/2025 09:15:22 AM (month first).
/// Sources: SurveyMonkey's own help pages on exports (https://help.surveymonkey.com, "Exporting responses") were not
/// retrievable for this work, so the layout follows code written against real exports, which is weaker evidence: the
/// nine metadata columns, the two header rows and the timestamp format "%m/%d/%Y %I:%M:%S %p" from a public Python
/// "Survey Monkey CSV parser with multi-row header handling" (its repository was not named by the code index), the empty
/// row-1 cells of multi-column questions from Strunge29/MultipleResponseR loadSurveyMonkeyXLS.R ("blank headers
/// indicate additional responses under the same header as the previous - fill those in"), and the summary export's
/// "Answer Choices","Responses" / "Answered" / "Skipped" rows from a public script that reproduces it ("Similar to
/// survey monkey export"). Unclear: whether accounts outside the US get day-first timestamps; only the AM/PM form is
/// read month-first here, any other goes through the usual day/month detection (--locale en-US forces month-first);
/// and the exact labels of typed-text columns beyond "Other (please specify)" and "Open-Ended Response".
/// Read: Respondent ID, End Date as the time, Email Address as the person (an e-mail invitation collector; empty for a
/// web link), a question named like the template's department ("Afdeling", "Department"). Each answer column is a
/// question named "question - row" ("question" alone for "Response"), as the analyst sees it in SurveyMonkey. Never
/// read: Collector ID, Start Date, IP Address, names, Custom Data, typed text.
/// </summary>
public sealed partial class SurveyMonkeyExport : VendorExport
{
    public override string Name => "SurveyMonkey export";
    public override Source Template { get; } = SourceCatalog.Find("survey");
    public override IReadOnlyList<string> Signature => ["respondent_id", "collector_id", "start_date", "end_date"];

    // The summary export ("All summary data") lists percentages per answer choice: no respondent, nothing to load.
    public override IReadOnlyList<string> Family => ["answer_choices", "responses"];
    public override string FamilyName => "a SurveyMonkey summary export (percentages per answer choice, no responses)";
    public override int ExtraHeaderRows => 1;

    public override IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>
    {
        ["response_id"] = ["respondent_id"],
        ["submitted_at"] = ["end_date"],
        ["user"] = ["email_address"],
    };

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>
    {
        "collector_id", "start_date", "ip_address", "first_name", "last_name",
    };

    /// <summary>A question's text carried to the empty first-row cells of its other answer columns.</summary>
    public override IReadOnlyList<string> HeaderNames(IReadOnlyList<HeadRecord> headerRows)
    {
        var names = new List<string>();
        var question = "";
        // A workbook row ends at its last filled cell: the labels may reach further than the questions.
        var width = Math.Max(headerRows[0].Fields.Count, headerRows.Count > 1 ? headerRows[1].Fields.Count : 0);
        for (var field = 0; field < width; field++)
        {
            var name = field < headerRows[0].Fields.Count ? headerRows[0].Fields[field].Trim() : "";
            if (name.Length > 0) question = name;
            else if (Label(headerRows, field).Length > 0) name = question;
            names.Add(name);
        }
        return names;
    }

    public override bool KeepsExtraColumn(IReadOnlyList<HeadRecord> headerRows, int field, string normalisedName) =>
        normalisedName.Length > 0 && !CustomData().IsMatch(normalisedName) && !TypedText().IsMatch(Label(headerRows, field));

    public override string ExtraHeader(IReadOnlyList<HeadRecord> headerRows, int field)
    {
        var question = HeaderNames(headerRows)[field];
        var label = Label(headerRows, field);
        return label.Length == 0 || label.Equals("Response", StringComparison.OrdinalIgnoreCase) ? question : $"{question} - {label}";
    }

    /// <summary>"03/10/2025 09:15:22 AM" is 10 March; anything else is left to the shared date reading.</summary>
    public override string? Reshape(HeaderMatch match, ImportRequest request) => """
        update src set submitted_at = coalesce(
            strftime(try_strptime(trim(submitted_at), ['%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p']), '%Y-%m-%d %H:%M:%S'),
            submitted_at)
        """;

    static string Label(IReadOnlyList<HeadRecord> headerRows, int field) =>
        headerRows.Count > 1 && field < headerRows[1].Fields.Count ? headerRows[1].Fields[field].Trim() : "";

    [GeneratedRegex(@"^custom_data(_\d+)?$")]
    private static partial Regex CustomData();

    [GeneratedRegex(@"^(open-ended response|other \(please specify\)|other \(.*\))$", RegexOptions.IgnoreCase)]
    private static partial Regex TypedText();
}
